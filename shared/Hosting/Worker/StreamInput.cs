namespace StreamProcessor.Hosting.Worker;

/// <summary>A decoded input record with its provenance and timing, handed to a step.</summary>
/// <param name="Message">The decoded, validated message.</param>
/// <param name="Key">The Kafka key (object id).</param>
/// <param name="Source">Topic, partition and offset of the input record.</param>
/// <param name="BrokerTimestampUtc">The record's timestamp in the log (when it was produced).</param>
/// <param name="ConsumedUtc">When this worker read it; consumed − broker timestamp is the queueing time.</param>
public sealed record StreamInput<T>(T Message, string Key, SourcePosition Source, DateTimeOffset BrokerTimestampUtc, DateTimeOffset ConsumedUtc);
