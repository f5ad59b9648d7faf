using StreamProcessor.Contracts;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>Creates the sink of an output format.</summary>
public static class RecordSinks
{
    /// <summary>The format an output path implies, or null when the extension says nothing.</summary>
    public static OutputFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => OutputFormat.Csv,
        ".parquet" => OutputFormat.Parquet,
        ".arrow" or ".feather" or ".ipc" => OutputFormat.Arrow,
        ".txt" => OutputFormat.Table,
        _ => null,
    };

    /// <exception cref="ArgumentException">Parquet or Arrow without an output file.</exception>
    public static IRecordSink Create(OutputFormat format, string? outPath, CodecEntry entry, TextWriter standardOutput)
    {
        if (format is OutputFormat.Parquet or OutputFormat.Arrow && outPath is null)
        {
            throw new ArgumentException($"--format {format.ToString().ToLowerInvariant()} writes a binary file: give --out <file>");
        }

        return format switch
        {
            OutputFormat.Csv => new CsvSink(entry.Contract, outPath is null ? standardOutput : new StreamWriter(outPath), ownsWriter: outPath is not null),
            OutputFormat.Table => new TableSink(entry.Contract, outPath is null ? standardOutput : new StreamWriter(outPath), ownsWriter: outPath is not null),
            OutputFormat.Parquet => new ParquetSink(entry.Contract, outPath!),
            OutputFormat.Arrow => new ArrowSink(entry, outPath!),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }
}
