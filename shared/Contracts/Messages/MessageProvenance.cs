namespace StreamProcessor.Contracts.Messages;

/// <summary>The Kafka record a derived message was computed from (for tracing and replays).</summary>
/// <param name="SourceTopic">Topic of the input record.</param>
/// <param name="SourcePartition">Partition of the input record.</param>
/// <param name="SourceOffset">Offset of the input record.</param>
public sealed record MessageProvenance(string SourceTopic, int SourcePartition, long SourceOffset);
