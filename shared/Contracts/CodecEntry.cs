using Apache.Arrow;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts;

/// <summary>
/// A topic codec without its type parameter, for tools that handle any topic (subscribe, ingest, export).
/// Messages are the typed records (<see cref="MessageType"/>) boxed as object.
/// </summary>
public sealed class CodecEntry
{
    private readonly Func<ReadOnlyMemory<byte>, object> _decode;
    private readonly Func<object, byte[]> _encode;
    private readonly Func<object, string> _keyOf;
    private readonly Func<object, RecordBatch> _toBatch;

    private CodecEntry(MessageSchema contract, Type messageType, object codec, Func<ReadOnlyMemory<byte>, object> decode,
        Func<object, byte[]> encode, Func<object, string> keyOf, Func<object, RecordBatch> toBatch)
    {
        Contract = contract;
        MessageType = messageType;
        Codec = codec;
        _decode = decode;
        _encode = encode;
        _keyOf = keyOf;
        _toBatch = toBatch;
    }

    public static CodecEntry For<T>(ArrowMessageCodec<T> codec)
        where T : class => new(
            codec.Contract,
            typeof(T),
            codec,
            payload => codec.Decode(payload),
            message => codec.Encode(Cast<T>(message)),
            message => codec.KeyOf(Cast<T>(message)),
            message => codec.ToRecordBatch(Cast<T>(message)));

    public MessageSchema Contract { get; }

    public SchemaId Schema => Contract.Id;

    public IReadOnlyList<string> Topics => Contract.Topics;

    /// <summary>The record type of the messages.</summary>
    public Type MessageType { get; }

    /// <summary>The typed codec (an <see cref="IMessageCodec{T}"/> of <see cref="MessageType"/>).</summary>
    public object Codec { get; }

    /// <exception cref="RecordValidationException">Any problem with the bytes.</exception>
    public object Decode(ReadOnlyMemory<byte> payload) => _decode(payload);

    public byte[] Encode(object message) => _encode(message);

    public string KeyOf(object message) => _keyOf(message);

    /// <summary>The one-row Arrow batch of a message, in the current schema's column order (for Parquet/Arrow export).</summary>
    public RecordBatch ToRecordBatch(object message) => _toBatch(message);

    /// <summary>Column name → plain value (see <see cref="ArrowRows"/>) of a message, in schema column order.</summary>
    public IReadOnlyDictionary<string, object?> ToRow(object message)
    {
        using var batch = ToRecordBatch(message);
        return ArrowRows.ToRow(batch);
    }

    /// <summary>Validates the bytes and flattens the message; unknown columns of a newer minor version are dropped.</summary>
    /// <exception cref="RecordValidationException">Any problem with the bytes.</exception>
    public IReadOnlyDictionary<string, object?> DecodeToRow(ReadOnlyMemory<byte> payload) => ToRow(Decode(payload));

    private static T Cast<T>(object message)
        where T : class => message as T ?? throw new ArgumentException(
        $"expected a {typeof(T).Name}, got {message?.GetType().Name ?? "null"}", nameof(message));
}
