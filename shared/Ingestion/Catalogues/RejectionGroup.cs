using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Catalogues;

/// <summary>Rejections that share a category (the reason text before its first ':'), with a few examples.</summary>
public sealed record RejectionGroup(string Category, long Count, IReadOnlyList<RowRejection> Examples)
{
    /// <summary>Groups by category, largest first; keeps the first <paramref name="examplesPerGroup"/> rejections of each.</summary>
    public static IReadOnlyList<RejectionGroup> Summarize(IEnumerable<RowRejection> rejections, int examplesPerGroup = 3)
    {
        ArgumentNullException.ThrowIfNull(rejections);
        ArgumentOutOfRangeException.ThrowIfNegative(examplesPerGroup);
        return
        [
            .. rejections
                .GroupBy(r => CategoryOf(r.Reason), StringComparer.Ordinal)
                .Select(g => new RejectionGroup(g.Key, g.LongCount(), [.. g.Take(examplesPerGroup)]))
                .OrderByDescending(g => g.Count)
                .ThenBy(g => g.Category, StringComparer.Ordinal),
        ];
    }

    /// <summary>"out-of-range member_ra_deg: member_ra_deg = 400 ..." → "out-of-range member_ra_deg".</summary>
    public static string CategoryOf(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        int colon = reason.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? reason[..colon] : reason;
    }
}
