using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// The writing half of <see cref="SchemaCachedReaders"/>: a thread keeps, per schema instance, the serialised schema
/// message and a stream writer that has already written it, so each message costs only its record batch. The bytes
/// are those a fresh <see cref="ArrowStreamWriter"/> writes (schema, batch, end-of-stream marker; tested).
/// </summary>
internal static class SchemaCachedWriters
{
    private const int MaxPerThread = 8;

    // Arrow IPC end-of-stream: continuation token 0xFFFFFFFF and a zero metadata length.
    private static readonly byte[] EndOfStream = [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0];

    [ThreadStatic]
    private static List<Entry>? _entries;

    /// <summary>The complete one-batch IPC stream of <paramref name="batch"/>.</summary>
    public static byte[] Write(RecordBatch batch)
    {
        var entry = Get(batch.Schema);
        try
        {
            entry.Body.SetLength(0);
            entry.Writer.WriteRecordBatch(batch);
        }
        catch
        {
            _entries!.Remove(entry);
            entry.Writer.Dispose();
            throw;
        }

        int body = (int)entry.Body.Length;
        var result = new byte[entry.SchemaMessage.Length + body + EndOfStream.Length];
        entry.SchemaMessage.CopyTo(result, 0);
        entry.Body.GetBuffer().AsSpan(0, body).CopyTo(result.AsSpan(entry.SchemaMessage.Length));
        EndOfStream.CopyTo(result, entry.SchemaMessage.Length + body);
        return result;
    }

    private static Entry Get(Schema schema)
    {
        var entries = _entries ??= [];
        foreach (var existing in entries)
        {
            if (ReferenceEquals(existing.Schema, schema)) return existing;
        }

        var stream = new MemoryStream();
        var writer = new ArrowStreamWriter(stream, schema, leaveOpen: true);
        writer.WriteStart();
        var entry = new Entry(schema, stream.ToArray(), stream, writer);
        if (entries.Count == MaxPerThread)
        {
            entries[0].Writer.Dispose();
            entries.RemoveAt(0);
        }

        entries.Add(entry);
        return entry;
    }

    private sealed record Entry(Schema Schema, byte[] SchemaMessage, MemoryStream Body, ArrowStreamWriter Writer);
}
