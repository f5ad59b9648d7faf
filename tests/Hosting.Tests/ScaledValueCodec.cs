using System.Buffers.Binary;
using System.Text;
using StreamProcessor.Contracts;

namespace StreamProcessor.Hosting.Tests;

/// <summary>A deliberately tiny codec for worker tests: "id|value" where value is a finite double.</summary>
internal sealed class ScaledValueCodec : IMessageCodec<ScaledValue>
{
    public SchemaId Schema { get; } = new("scaled-value", 1, 0);

    public string KeyOf(ScaledValue message) => message.Id;

    public byte[] Encode(ScaledValue message)
    {
        // Like the Arrow codecs, encoding validates: a step's invalid output must never be published.
        if (!double.IsFinite(message.Value)) throw new RecordValidationException(ValidationReason.NonFinite, "value", "value is not finite");
        return EncodeUnchecked(message);
    }

    /// <summary>The bytes without validation: how tests make the bad inputs an upstream producer might send.</summary>
    public static byte[] EncodeUnchecked(ScaledValue message)
    {
        var id = Encoding.UTF8.GetBytes(message.Id);
        var bytes = new byte[8 + id.Length];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, message.Value);
        id.CopyTo(bytes, 8);
        return bytes;
    }

    public ScaledValue Decode(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length <= 8) throw new RecordValidationException(ValidationReason.Malformed, "payload", $"{payload.Length} bytes is too short");
        double value = BinaryPrimitives.ReadDoubleLittleEndian(payload.Span);
        if (!double.IsFinite(value)) throw new RecordValidationException(ValidationReason.NonFinite, "value", "value is not finite");
        return new ScaledValue(Encoding.UTF8.GetString(payload.Span[8..]), value);
    }
}
