using System.Globalization;
using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.IngestCli;

/// <summary>What `ingest file` and `ingest profiles` print about a file: rows read, accepted and rejected, then the rejections grouped by reason with examples.</summary>
public static class RowReport
{
    /// <summary>How many example rows are printed per rejection reason.</summary>
    public const int ExamplesPerReason = 3;

    /// <param name="output">Where the report goes.</param>
    /// <param name="path">The file read.</param>
    /// <param name="counts">Rows read, accepted and rejected.</param>
    /// <param name="made">What the accepted rows made, e.g. "12 catalogues".</param>
    /// <param name="rejections">Every refused row.</param>
    /// <param name="idName">What the id of a rejection names, e.g. "cluster" or "profile".</param>
    public static async Task WriteAsync(TextWriter output, string path, (long Read, long Accepted, long Rejected) counts, string made,
        IEnumerable<RowRejection> rejections, string idName)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: {counts.Read} rows, {counts.Accepted} accepted, {counts.Rejected} rejected; {made}"));
        foreach (var group in RejectionGroup.Summarize(rejections, ExamplesPerReason))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  rejected {group.Count,6} rows: {group.Category}"));
            foreach (var example in group.Examples)
            {
                await output.WriteLineAsync($"      row {example.Row} ({idName} {example.ClusterId ?? "?"}): {example.Reason}");
            }
        }
    }
}
