using Apache.Arrow;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// The shared pipeline of every topic codec: one message ⇄ one Arrow IPC stream of one row.
/// Encode validates the row exactly as Decode does, so a producer never writes what its consumers would dead-letter.
/// </summary>
public abstract class ArrowMessageCodec<T> : IMessageCodec<T>
    where T : class
{
    protected ArrowMessageCodec(MessageSchema contract, CodecLimits? limits)
    {
        Contract = contract;
        Limits = (limits ?? CodecLimits.Default).Validated();
    }

    /// <summary>Columns, types, units and ranges of the schema this codec writes.</summary>
    public MessageSchema Contract { get; }

    public CodecLimits Limits { get; }

    public SchemaId Schema => Contract.Id;

    public abstract string KeyOf(T message);

    /// <summary>The one-row record batch of <paramref name="message"/> (not validated; for exports use <see cref="Encode"/> first).</summary>
    public RecordBatch ToRecordBatch(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var writer = new ArrowRowWriter(Contract);
        Write(writer, message);
        return writer.Build();
    }

    /// <inheritdoc/>
    /// <exception cref="RecordValidationException">The message breaks its schema (same checks as Decode) or exceeds a cap.</exception>
    public byte[] Encode(T message)
    {
        using var batch = ToRecordBatch(message);
        FromRecordBatch(batch);
        return ArrowIpc.Write(batch, Limits);
    }

    /// <inheritdoc/>
    public T Decode(ReadOnlyMemory<byte> payload)
    {
        using var batch = ArrowIpc.ReadSingleRow(payload, Schema, Limits);
        return FromRecordBatch(batch);
    }

    /// <summary>Validates and reads a one-row batch (columns by name; unknown columns ignored).</summary>
    /// <exception cref="RecordValidationException">Always, and only this, for bad input.</exception>
    public T FromRecordBatch(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            if (batch.Length != 1)
            {
                throw new RecordValidationException(ValidationReason.Malformed, ArrowIpc.PayloadField,
                    $"the record batch has {batch.Length} rows; a message carries exactly one");
            }

            return Read(new ArrowRowReader(batch, Contract, Limits));
        }
        catch (RecordValidationException)
        {
            throw;
        }
        catch (Exception e)
        {
            // Damaged buffers that the IPC reader accepted surface here (offsets or lengths beyond a buffer).
            throw new RecordValidationException(ValidationReason.Malformed, ArrowIpc.PayloadField,
                $"inconsistent Arrow data ({e.GetType().Name}: {e.Message})", e);
        }
    }

    protected abstract void Write(ArrowRowWriter writer, T message);

    protected abstract T Read(ArrowRowReader reader);
}
