using System.Globalization;
using CsvHelper;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>CSV (CsvHelper, RFC 4180 quoting) with the given columns in order; lists as "[a,b,null]", times ISO 8601 UTC.</summary>
public sealed class CsvSink : IRecordSink
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<string> _columns;

    public CsvSink(IReadOnlyList<string> columns, TextWriter writer, bool ownsWriter)
    {
        _writer = writer;
        _ownsWriter = ownsWriter;
        _csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        _columns = columns;
        foreach (string column in _columns) _csv.WriteField(column);
        _csv.NextRecord();
    }

    public async Task WriteAsync(IReadOnlyDictionary<string, object?> row, object message, CancellationToken cancellationToken)
    {
        foreach (string column in _columns) _csv.WriteField(CellText.Format(DerivedColumns.Cell(row, column)));
        await _csv.NextRecordAsync();
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync();
        await _writer.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _csv.DisposeAsync();
        if (_ownsWriter) await _writer.DisposeAsync();
    }
}
