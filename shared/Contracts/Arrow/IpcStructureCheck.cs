using System.Buffers.Binary;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// A bounds-checked walk over the flatbuffer metadata of the first two IPC messages (schema and record batch), done
/// before the Arrow reader sees the bytes. The reader trusts that metadata: a corrupted child offset makes its
/// recursive field parser loop on itself (fuzzing found exponential allocations and deep recursion, which could end in an
/// uncatchable stack overflow), and a corrupted vector length makes it loop for seconds. Here every table, vector and
/// string must lie inside the metadata, fields nest at most <see cref="MaxDepth"/> deep, and there are at most
/// <see cref="MaxFields"/> of them. Dictionary-encoded fields, which the contracts never use, are refused.
/// </summary>
/// <remarks>
/// Layouts: FlatBuffers internals (https://flatbuffers.dev/internals/); Arrow Message.fbs and Schema.fbs
/// (https://github.com/apache/arrow/tree/main/format); IPC framing: 0xFFFFFFFF, int32 metadata length, flatbuffer, body.
/// </remarks>
internal static class IpcStructureCheck
{
    public const int MaxDepth = 8;
    public const int MaxFields = 1024;

    private const byte SchemaHeader = 1;
    private const byte RecordBatchHeader = 3;

    /// <summary>Throws Malformed when the schema or first batch metadata is not a sound flatbuffer of bounded size.</summary>
    public static void Check(ReadOnlySpan<byte> stream) => CheckFirstBatch(stream, CheckSchema(stream));

    /// <summary>Checks the schema message; returns where the message after it starts.</summary>
    public static int CheckSchema(ReadOnlySpan<byte> stream)
    {
        int position = 0;
        var schema = NextMessage(stream, ref position, out long schemaBody);
        var schemaMessage = new FlatTable(schema, Root(schema));
        if (schemaMessage.Byte(1) != SchemaHeader) throw Malformed("the first message is not a schema");
        if (!schemaMessage.TryTable(2, out var header)) throw Malformed("the schema message has no schema");
        int fieldCount = 0;
        CheckKeyValues(header, 2);
        foreach (var field in header.Tables(1)) CheckField(field, 1, ref fieldCount);
        return checked((int)Math.Min(int.MaxValue, position + schemaBody));
    }

    /// <summary>Checks the record batch message that starts at <paramref name="position"/> (the end of the schema message), if any.</summary>
    public static void CheckFirstBatch(ReadOnlySpan<byte> stream, int position)
    {
        if (position >= stream.Length) return;
        var batch = NextMessage(stream, ref position, out _);
        if (batch.IsEmpty) return;
        var batchMessage = new FlatTable(batch, Root(batch));
        if (batchMessage.Byte(1) != RecordBatchHeader) return;
        if (!batchMessage.TryTable(2, out var record)) throw Malformed("the record batch message has no record batch");
        record.StructVector(1, 16);
        record.StructVector(2, 16);
    }

    private static void CheckField(FlatTable field, int depth, ref int count)
    {
        if (depth > MaxDepth) throw Malformed($"fields nest deeper than {MaxDepth}");
        if (++count > MaxFields) throw Malformed($"more than {MaxFields} fields");
        field.String(0);
        field.TryTable(3, out _);
        if (field.TryTable(4, out _)) throw Malformed("dictionary-encoded fields are not used by the message contracts");
        CheckKeyValues(field, 6);
        foreach (var child in field.Tables(5)) CheckField(child, depth + 1, ref count);
    }

    private static void CheckKeyValues(FlatTable table, int slot)
    {
        foreach (var pair in table.Tables(slot))
        {
            pair.String(0);
            pair.String(1);
        }
    }

    private static ReadOnlySpan<byte> NextMessage(ReadOnlySpan<byte> stream, ref int position, out long bodyLength)
    {
        bodyLength = 0;
        if (stream.Length - position < 4) throw Malformed("the stream ends inside a message prefix");
        int length = BinaryPrimitives.ReadInt32LittleEndian(stream[position..]);
        position += 4;
        if (length == -1)
        {
            if (stream.Length - position < 4) throw Malformed("the stream ends inside a message prefix");
            length = BinaryPrimitives.ReadInt32LittleEndian(stream[position..]);
            position += 4;
        }

        if (length == 0) return [];
        if (length < 0 || length > stream.Length - position) throw Malformed($"message metadata of {length} bytes does not fit in the stream");
        var metadata = stream.Slice(position, length);
        position += length;
        var message = new FlatTable(metadata, Root(metadata));
        bodyLength = message.Int64(3);
        if (bodyLength < 0) throw Malformed("negative message body length");
        return metadata;
    }

    private static int Root(ReadOnlySpan<byte> buffer) => Offset(buffer, 0);

    /// <summary>The position an unsigned offset stored at <paramref name="at"/> points to, checked to lie inside the buffer.</summary>
    private static int Offset(ReadOnlySpan<byte> buffer, int at)
    {
        if (at < 0 || at > buffer.Length - 4) throw Malformed("flatbuffer offset outside the metadata");
        long target = at + (long)BinaryPrimitives.ReadUInt32LittleEndian(buffer[at..]);
        if (target > buffer.Length - 4) throw Malformed("flatbuffer reference outside the metadata");
        return (int)target;
    }

    private static RecordValidationException Malformed(string message) =>
        new(ValidationReason.Malformed, ArrowIpc.PayloadField, $"not a readable Arrow IPC stream ({message})");

    /// <summary>A flatbuffer table at a checked position.</summary>
    private readonly ref struct FlatTable
    {
        private readonly ReadOnlySpan<byte> _buffer;
        private readonly int _position;
        private readonly int _vtable;
        private readonly int _vtableSize;

        public FlatTable(ReadOnlySpan<byte> buffer, int position)
        {
            _buffer = buffer;
            _position = position;
            long vtable = position - (long)BinaryPrimitives.ReadInt32LittleEndian(buffer[position..]);
            if (vtable < 0 || vtable > buffer.Length - 4) throw Malformed("flatbuffer vtable outside the metadata");
            _vtable = (int)vtable;
            _vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[_vtable..]);
            if (_vtableSize < 4 || _vtableSize % 2 != 0 || _vtableSize > buffer.Length - _vtable) throw Malformed("flatbuffer vtable size is invalid");
        }

        public byte Byte(int slot) => Field(slot, 1) is { } at ? _buffer[at] : (byte)0;

        public long Int64(int slot) => Field(slot, 8) is { } at ? BinaryPrimitives.ReadInt64LittleEndian(_buffer[at..]) : 0;

        public bool TryTable(int slot, out FlatTable table)
        {
            table = Field(slot, 4) is { } at ? new FlatTable(_buffer, Offset(_buffer, at)) : default;
            return Field(slot, 4) is not null;
        }

        public void String(int slot)
        {
            if (Field(slot, 4) is not { } at) return;
            int start = Offset(_buffer, at);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(_buffer[start..]);
            if (length > (uint)(_buffer.Length - start - 4)) throw Malformed("flatbuffer string outside the metadata");
        }

        /// <summary>The tables of a vector of tables (each element an offset relative to itself).</summary>
        public TableVector Tables(int slot)
        {
            if (Field(slot, 4) is not { } at) return default;
            int start = Offset(_buffer, at);
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(_buffer[start..]);
            if (count > (uint)(_buffer.Length - start - 4) / 4) throw Malformed("flatbuffer vector longer than the metadata");
            return new TableVector(_buffer, start + 4, (int)count);
        }

        public void StructVector(int slot, int structSize)
        {
            if (Field(slot, 4) is not { } at) return;
            int start = Offset(_buffer, at);
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(_buffer[start..]);
            if (count > (uint)(_buffer.Length - start - 4) / (uint)structSize) throw Malformed("flatbuffer vector longer than the metadata");
        }

        private int? Field(int slot, int size)
        {
            int entry = 4 + (2 * slot);
            if (entry + 2 > _vtableSize) return null;
            int offset = BinaryPrimitives.ReadUInt16LittleEndian(_buffer[(_vtable + entry)..]);
            if (offset == 0) return null;
            long at = (long)_position + offset;
            if (at > _buffer.Length - size) throw Malformed("flatbuffer field outside the metadata");
            return (int)at;
        }
    }

    /// <summary>Enumerates a checked vector of tables.</summary>
    private readonly ref struct TableVector(ReadOnlySpan<byte> buffer, int first, int count)
    {
        private readonly ReadOnlySpan<byte> _buffer = buffer;

        public Enumerator GetEnumerator() => new(_buffer, first, count);

        public ref struct Enumerator(ReadOnlySpan<byte> buffer, int first, int count)
        {
            private readonly ReadOnlySpan<byte> _buffer = buffer;
            private int _index = -1;

            public readonly FlatTable Current => new(_buffer, Offset(_buffer, first + (4 * _index)));

            public bool MoveNext() => ++_index < count;
        }
    }
}
