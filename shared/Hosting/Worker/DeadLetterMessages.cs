using System.Globalization;
using System.Text;
using Confluent.Kafka;
using StreamProcessor.Contracts;

namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// A dead letter as every service writes it (the shared StreamWorker and the massfunction service): the original key, bytes and
/// headers, plus dlq-reason, dlq-message (at most 1000 characters), dlq-stage, dlq-exception-type and the source
/// topic/partition/offset, so one DLQ consumer reads the dead letters of every service.
/// </summary>
public static class DeadLetterMessages
{
    private const int MaxMessageLength = 1000;

    public static Message<string, byte[]> From(ConsumeResult<string, byte[]> record, string reason, string message, string stage, string exceptionType)
    {
        ArgumentNullException.ThrowIfNull(record);
        var headers = new Headers();
        foreach (IHeader header in record.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        headers.Add(MessageHeaders.DlqReason, Encoding.UTF8.GetBytes(reason));
        headers.Add(MessageHeaders.DlqMessage, Encoding.UTF8.GetBytes(message.Length > MaxMessageLength ? message[..MaxMessageLength] : message));
        headers.Add(MessageHeaders.DlqStage, Encoding.UTF8.GetBytes(stage));
        headers.Add(MessageHeaders.DlqExceptionType, Encoding.UTF8.GetBytes(exceptionType));
        headers.Add(MessageHeaders.DlqSourceTopic, Encoding.UTF8.GetBytes(record.Topic));
        headers.Add(MessageHeaders.DlqSourcePartition, Encoding.UTF8.GetBytes(record.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(MessageHeaders.DlqSourceOffset, Encoding.UTF8.GetBytes(record.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        return new Message<string, byte[]> { Key = record.Message.Key, Value = record.Message.Value, Headers = headers };
    }
}
