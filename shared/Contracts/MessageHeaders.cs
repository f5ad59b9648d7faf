namespace StreamProcessor.Contracts;

/// <summary>Kafka header names used on every topic (values are UTF-8).</summary>
public static class MessageHeaders
{
    public const string SchemaName = "schema";
    public const string SchemaVersion = "schema-version";
    public const string ContentType = "content-type";

    /// <summary>Arrow IPC streaming format, the IANA-registered media type.</summary>
    public const string ArrowStreamContentType = "application/vnd.apache.arrow.stream";

    // Dead-letter headers: the original bytes are the value; these say why and from where.
    public const string DlqReason = "dlq-reason";
    public const string DlqMessage = "dlq-message";
    public const string DlqStage = "dlq-stage";
    public const string DlqExceptionType = "dlq-exception-type";
    public const string DlqSourceTopic = "dlq-source-topic";
    public const string DlqSourcePartition = "dlq-source-partition";
    public const string DlqSourceOffset = "dlq-source-offset";
}
