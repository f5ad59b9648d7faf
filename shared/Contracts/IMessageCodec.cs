namespace StreamProcessor.Contracts;

/// <summary>
/// Turns one message type into the bytes of one Kafka record (an Arrow IPC stream) and back.
/// Decoding validates: any problem with the bytes raises <see cref="RecordValidationException"/>,
/// which the stream worker dead-letters. Nothing else may escape Decode for bad input.
/// </summary>
public interface IMessageCodec<T>
{
    /// <summary>The schema this codec writes; it reads every minor version of the same major.</summary>
    SchemaId Schema { get; }

    /// <summary>The Kafka key: the object id, so that a re-run overwrites rather than duplicates.</summary>
    string KeyOf(T message);

    /// <summary>Encodes one message as an Arrow IPC stream.</summary>
    byte[] Encode(T message);

    /// <summary>Decodes and validates one Arrow IPC stream.</summary>
    /// <exception cref="RecordValidationException">Malformed, wrong schema, missing fields, NaN/inf, out of range or oversized.</exception>
    T Decode(ReadOnlyMemory<byte> payload);
}
