using Apache.Arrow;
using Apache.Arrow.Ipc;
using StreamProcessor.Contracts;

namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>
/// An Arrow IPC file (random-access format, "ARROW1" magic) in the topic's current schema, so pyarrow's
/// <c>pyarrow.ipc.open_file</c> or ArrowFileReader reads it. Records are gathered into batches of
/// <see cref="BatchRows"/> rows (ArrowArrayConcatenator) rather than written one row per batch.
/// </summary>
public sealed class ArrowSink(CodecEntry entry, string path) : IRecordSink
{
    public const int BatchRows = 1024;

    private readonly List<RecordBatch> _pending = [];
    private FileStream? _stream;
    private ArrowFileWriter? _writer;

    public async Task WriteAsync(IReadOnlyDictionary<string, object?> row, object message, CancellationToken cancellationToken)
    {
        _pending.Add(entry.ToRecordBatch(message));
        if (_pending.Count >= BatchRows) await FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var writer = Writer();
        await writer.WriteEndAsync(cancellationToken);
        await _stream!.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batch in _pending) batch.Dispose();
        _pending.Clear();
        _writer?.Dispose();
        if (_stream is not null) await _stream.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0) return;
        var schema = entry.Contract.ArrowSchema;
        var columns = new IArrowArray[schema.FieldsList.Count];
        for (int c = 0; c < columns.Length; c++) columns[c] = ArrowArrayConcatenator.Concatenate([.. _pending.Select(b => b.Column(c))]);
        using var batch = new RecordBatch(schema, columns, _pending.Sum(b => b.Length));
        await Writer().WriteRecordBatchAsync(batch, cancellationToken);
        foreach (var written in _pending) written.Dispose();
        _pending.Clear();
    }

    private ArrowFileWriter Writer()
    {
        _stream ??= File.Create(path);
        return _writer ??= new ArrowFileWriter(_stream, entry.Contract.ArrowSchema, leaveOpen: true);
    }
}
