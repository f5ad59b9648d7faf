namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// The update_sequence of every series: it increases by one with each update. Seeded at start from the newest
/// sequence of each series found at the end of the <c>massfunction</c> topic, so it keeps increasing across restarts.
/// </summary>
public sealed class UpdateSequences
{
    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);

    /// <summary>Remembers a sequence already published (keeps the largest).</summary>
    public void Observe(string seriesId, long sequence)
    {
        ArgumentNullException.ThrowIfNull(seriesId);
        _last[seriesId] = Math.Max(sequence, _last.GetValueOrDefault(seriesId));
    }

    /// <summary>The last published sequence of a series (0: none).</summary>
    public long Last(string seriesId) => _last.GetValueOrDefault(seriesId);

    /// <summary>The next sequence of a series: one more than the last (1 for a new series).</summary>
    public long Next(string seriesId)
    {
        long next = Last(seriesId) + 1;
        _last[seriesId] = next;
        return next;
    }
}
