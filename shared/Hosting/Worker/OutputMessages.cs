using System.Text;
using Confluent.Kafka;
using StreamProcessor.Contracts;

namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// An output record as every service writes it: keyed by object id, Arrow IPC value (encoding validates), and the
/// schema, schema-version and content-type headers that readers use before they decode.
/// </summary>
public static class OutputMessages
{
    /// <exception cref="RecordValidationException">The codec refuses the message.</exception>
    public static Message<string, byte[]> From<T>(IMessageCodec<T> codec, T message) => new()
    {
        Key = codec.KeyOf(message),
        Value = codec.Encode(message),
        Headers = new Headers
        {
            { MessageHeaders.SchemaName, Encoding.UTF8.GetBytes(codec.Schema.Name) },
            { MessageHeaders.SchemaVersion, Encoding.UTF8.GetBytes(codec.Schema.Version) },
            { MessageHeaders.ContentType, Encoding.UTF8.GetBytes(MessageHeaders.ArrowStreamContentType) },
        },
    };
}
