using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Memory;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// Every message repeats its schema, and parsing it cost more than reading the row (profiled: ~70 % of a catalogue
/// decode). A thread keeps one stream reader per distinct schema message (compared byte for byte) and feeds it only
/// the record batch of each further message with the same schema. A reader that threw is dropped, never reused.
/// </summary>
internal static class SchemaCachedReaders
{
    private const int MaxPerThread = 8;

    [ThreadStatic]
    private static List<Entry>? _entries;

    /// <summary>The reader that already parsed <paramref name="schemaMessage"/>, or null.</summary>
    public static Entry? Find(ReadOnlySpan<byte> schemaMessage)
    {
        var entries = _entries;
        if (entries is null) return null;
        foreach (var entry in entries)
        {
            if (schemaMessage.SequenceEqual(entry.SchemaMessage)) return entry;
        }

        return null;
    }

    /// <summary>A new reader over a complete stream; call <see cref="Keep"/> once a message was read through it without error.</summary>
    public static Entry Create(ReadOnlyMemory<byte> payload, int schemaEnd, ArrowContext context)
    {
        var stream = new RepointableStream();
        stream.Point(payload);
        var reader = new ArrowStreamReader(context, stream, leaveOpen: true);
        return new Entry(payload[..schemaEnd].ToArray(), stream, reader);
    }

    public static void Keep(Entry entry)
    {
        var entries = _entries ??= [];
        if (entries.Contains(entry)) return;
        if (entries.Count == MaxPerThread)
        {
            entries[0].Reader.Dispose();
            entries.RemoveAt(0);
        }

        entries.Add(entry);
    }

    public static void Drop(Entry entry)
    {
        _entries?.Remove(entry);
        entry.Reader.Dispose();
    }

    /// <summary>A stream reader that has read <see cref="SchemaMessage"/>.</summary>
    internal sealed record Entry(byte[] SchemaMessage, RepointableStream Stream, ArrowStreamReader Reader);
}
