using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Memory;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Arrow;

/// <summary>
/// One Kafka message = one Arrow IPC stream (schema message, one record batch of one row, end-of-stream marker).
/// Format: https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format
/// </summary>
public static class ArrowIpc
{
    /// <summary>The field name used in errors about the message as a whole.</summary>
    public const string PayloadField = "payload";

    // An empty registry: no extension type (not even the library's default Guid/Bool8 ones) changes a column's
    // array class under the codecs; extension metadata stays on the field for pyarrow/JS readers.
    private static readonly ExtensionTypeRegistry NoExtensions = new();

    /// <summary>Serialises <paramref name="batch"/> as a complete IPC stream; Oversized when above the payload cap.</summary>
    public static byte[] Write(RecordBatch batch, CodecLimits limits)
    {
        var bytes = SchemaCachedWriters.Write(batch);
        if (bytes.Length > limits.MaxPayloadBytes)
        {
            throw new RecordValidationException(ValidationReason.Oversized, PayloadField,
                $"encoded message is {bytes.Length} bytes, above the cap of {limits.MaxPayloadBytes} (CodecLimits.MaxPayloadBytes)");
        }

        return bytes;
    }

    /// <summary>
    /// Reads an IPC stream that must hold exactly one record batch of one row, written under a schema that
    /// <paramref name="reader"/> can read (same name, same major). Every failure, including any exception of the
    /// Arrow reader on damaged bytes, becomes a <see cref="RecordValidationException"/>.
    /// </summary>
    public static RecordBatch ReadSingleRow(ReadOnlyMemory<byte> payload, SchemaId reader, CodecLimits limits)
    {
        if (payload.Length > limits.MaxPayloadBytes)
        {
            throw new RecordValidationException(ValidationReason.Oversized, PayloadField,
                $"message is {payload.Length} bytes, above the cap of {limits.MaxPayloadBytes} (CodecLimits.MaxPayloadBytes)");
        }

        if (payload.IsEmpty) throw new RecordValidationException(ValidationReason.Malformed, PayloadField, "message is empty");

        SchemaCachedReaders.Entry? entry = null;
        try
        {
            int schemaEnd = SchemaEnd(payload.Span);
            entry = SchemaCachedReaders.Find(payload.Span[..schemaEnd]);
            bool cached = entry is not null;
            if (cached)
            {
                // The schema bytes are identical to ones already checked and parsed: only the batch is new.
                IpcStructureCheck.CheckFirstBatch(payload.Span, schemaEnd);
                entry!.Stream.Point(payload[schemaEnd..]);
            }
            else
            {
                IpcStructureCheck.CheckFirstBatch(payload.Span, IpcStructureCheck.CheckSchema(payload.Span));
                entry = SchemaCachedReaders.Create(payload, schemaEnd, new ArrowContext(MemoryAllocator.Default.Value, null!, NoExtensions));
            }

            var schema = entry.Reader.Schema ?? throw Malformed("the stream has no schema message");
            CheckSchemaMetadata(schema, reader);
            var batch = entry.Reader.ReadNextRecordBatch() ?? throw Malformed("the stream has no record batch");
            if (batch.Length != 1) throw Malformed($"the record batch has {batch.Length} rows; a message carries exactly one");
            if (entry.Reader.ReadNextRecordBatch() is not null) throw Malformed("the stream has more than one record batch");
            SchemaCachedReaders.Keep(entry);
            return batch;
        }
        catch (RecordValidationException)
        {
            Forget(entry);
            throw;
        }
        catch (Exception e)
        {
            Forget(entry);
            throw new RecordValidationException(ValidationReason.Malformed, PayloadField,
                $"not a readable Arrow IPC stream ({e.GetType().Name}: {e.Message})", e);
        }
    }

    /// <summary>The schema id stated in the Arrow schema metadata; SchemaVersion when absent or unparsable.</summary>
    public static SchemaId WrittenSchema(Schema schema)
    {
        var metadata = schema.Metadata;
        if (metadata is null || !metadata.TryGetValue(MessageHeaders.SchemaName, out var name) || string.IsNullOrEmpty(name))
        {
            throw new RecordValidationException(ValidationReason.SchemaVersion, MessageHeaders.SchemaName,
                "the Arrow schema metadata has no 'schema' entry naming the message schema");
        }

        metadata.TryGetValue(MessageHeaders.SchemaVersion, out var version);
        return SchemaId.TryParse(name, version) ?? throw new RecordValidationException(ValidationReason.SchemaVersion,
            MessageHeaders.SchemaVersion, $"schema-version '{version}' of schema '{name}' is not of the form major.minor");
    }

    private static void CheckSchemaMetadata(Schema schema, SchemaId reader)
    {
        var written = WrittenSchema(schema);
        if (written.Name != reader.Name)
        {
            throw new RecordValidationException(ValidationReason.SchemaVersion, MessageHeaders.SchemaName,
                $"message has schema '{written.Name}', this reader reads '{reader.Name}'");
        }

        if (!reader.CanRead(written))
        {
            throw new RecordValidationException(ValidationReason.SchemaVersion, MessageHeaders.SchemaVersion,
                $"message is {written}, this reader reads {reader.Name} {reader.Major}.x only");
        }
    }

    /// <summary>Where the first (schema) message ends: its framing and metadata length; a schema message has no body.</summary>
    private static int SchemaEnd(ReadOnlySpan<byte> stream)
    {
        if (stream.Length < 8) throw Malformed("the stream ends inside the first message prefix");
        int prefix = 4;
        int length = BinaryPrimitives.ReadInt32LittleEndian(stream);
        if (length == -1)
        {
            prefix = 8;
            length = BinaryPrimitives.ReadInt32LittleEndian(stream[4..]);
        }

        if (length <= 0 || length > stream.Length - prefix) throw Malformed($"schema metadata of {length} bytes does not fit in the stream");
        return prefix + length;
    }

    // A reader whose last read failed may hold half-read state: it is never reused.
    private static void Forget(SchemaCachedReaders.Entry? entry)
    {
        if (entry is not null) SchemaCachedReaders.Drop(entry);
    }

    private static RecordValidationException Malformed(string message) =>
        new(ValidationReason.Malformed, PayloadField, message);
}
