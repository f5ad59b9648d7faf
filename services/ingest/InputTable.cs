using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.IngestCli;

/// <summary>Opening a command's input file: a missing file or one that is not a table at all is bad usage (exit 2), never bad rows.</summary>
public static class InputTable
{
    /// <summary>The rows and the rows that did not parse, or the usage error that stops the command.</summary>
    public static async Task<(IReadOnlyList<TRow> Rows, IReadOnlyList<RowRejection> Unparsed, string? Error)> ReadAsync<TRow>(
        string path, Func<string, CancellationToken, Task<(IReadOnlyList<TRow> Rows, IReadOnlyList<RowRejection> Rejections)>> read, CancellationToken cancellationToken)
    {
        if (!File.Exists(path)) return ([], [], $"no such file: {path}");
        try
        {
            var (rows, unparsed) = await read(path, cancellationToken);
            return (rows, unparsed, null);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // A file that is not a table at all (wrong extension, damaged Parquet/Arrow footer) is bad usage, not bad rows.
            return ([], [], $"cannot read {path}: {e.Message}");
        }
    }
}
