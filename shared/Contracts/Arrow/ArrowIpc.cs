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
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        if (stream.Length > limits.MaxPayloadBytes)
        {
            throw new RecordValidationException(ValidationReason.Oversized, PayloadField,
                $"encoded message is {stream.Length} bytes, above the cap of {limits.MaxPayloadBytes} (CodecLimits.MaxPayloadBytes)");
        }

        return stream.ToArray();
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

        try
        {
            IpcStructureCheck.Check(payload.Span);
            using var stream = new ArrowStreamReader(new ArrowContext(MemoryAllocator.Default.Value, null!, NoExtensions), payload);
            var schema = stream.Schema ?? throw Malformed("the stream has no schema message");
            CheckSchemaMetadata(schema, reader);
            var batch = stream.ReadNextRecordBatch() ?? throw Malformed("the stream has no record batch");
            if (batch.Length != 1) throw Malformed($"the record batch has {batch.Length} rows; a message carries exactly one");
            if (stream.ReadNextRecordBatch() is not null) throw Malformed("the stream has more than one record batch");
            return batch;
        }
        catch (RecordValidationException)
        {
            throw;
        }
        catch (Exception e)
        {
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

    private static RecordValidationException Malformed(string message) =>
        new(ValidationReason.Malformed, PayloadField, message);
}
