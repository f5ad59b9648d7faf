namespace StreamProcessor.PhaseSpace.Selection;

/// <summary>
/// Result of <see cref="ObservationalLimits.Apply"/>: which galaxies were kept (indices into the input, ascending),
/// the limits that were applied (human-readable, for provenance), and why the cluster is rejected, if it is.
/// </summary>
public sealed record MemberSelection(IReadOnlyList<int> KeptIndices, IReadOnlyList<string> LimitsApplied, string? RejectionReason)
{
    /// <summary>True when enough members remain for an image.</summary>
    public bool IsAccepted => RejectionReason is null;

    /// <summary>Copies the kept entries of <paramref name="source"/> into the first <c>KeptIndices.Count</c> slots of <paramref name="destination"/>.</summary>
    public void Gather(ReadOnlySpan<double> source, Span<double> destination)
    {
        if (destination.Length < KeptIndices.Count) throw new ArgumentException("Destination is shorter than the kept list.", nameof(destination));
        for (int i = 0; i < KeptIndices.Count; i++) destination[i] = source[KeptIndices[i]];
    }
}
