using Confluent.Kafka;

namespace StreamProcessor.Kafka;

/// <summary>
/// A topic the system needs: name, partitions (the unit of parallelism), retention, and the compression its producers
/// use. Compression is for internal topics only: a public topic stays readable by any Kafka client without codec
/// plugins (kafkajs, for one, reads no LZ4 without one).
/// </summary>
public sealed record TopicSpec(string Name, int Partitions, TimeSpan? Retention = null, CompressionType Compression = CompressionType.None);
