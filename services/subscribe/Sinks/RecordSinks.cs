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

    /// <param name="format">The output format.</param>
    /// <param name="outPath">The output file; null writes a table or CSV to <paramref name="standardOutput"/>.</param>
    /// <param name="entry">The topic's codec.</param>
    /// <param name="standardOutput">Where a table or CSV goes without a file.</param>
    /// <param name="columns">Columns of a table or CSV; null for the defaults (<see cref="ColumnSelection"/>).</param>
    /// <param name="topic">The topic read, whose headline columns a table shows by default (several topics share a schema).</param>
    /// <exception cref="ArgumentException">Parquet or Arrow without an output file, or with chosen columns.</exception>
    public static IRecordSink Create(OutputFormat format, string? outPath, CodecEntry entry, TextWriter standardOutput, IReadOnlyList<string>? columns = null, string? topic = null)
    {
        string name = format.ToString().ToLowerInvariant();
        if (format is OutputFormat.Parquet or OutputFormat.Arrow && outPath is null)
        {
            throw new ArgumentException($"--format {name} writes a binary file: give --out <file>");
        }

        if (format is OutputFormat.Parquet or OutputFormat.Arrow && columns is not null)
        {
            throw new ArgumentException($"--columns chooses table and CSV columns; a {name} file keeps the whole schema");
        }

        return format switch
        {
            OutputFormat.Csv => new CsvSink(columns ?? [.. entry.Contract.Fields.Select(f => f.Name)], outPath is null ? standardOutput : new StreamWriter(outPath), ownsWriter: outPath is not null),
            OutputFormat.Table => new TableSink(entry.Contract, columns ?? ColumnSelection.ForTable(entry.Contract, topic), outPath is null ? standardOutput : new StreamWriter(outPath), ownsWriter: outPath is not null),
            OutputFormat.Parquet => new ParquetSink(entry.Contract, outPath!),
            OutputFormat.Arrow => new ArrowSink(entry, outPath!),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }
}
