using Confluent.Kafka;

namespace StreamProcessor.Kafka;

/// <summary>
/// A topic the system needs: name, partitions (the unit of parallelism), retention, and the compression its producers
/// use. Compression is for internal topics only: a public topic stays readable by any Kafka client without codec
/// plugins (kafkajs, for one, reads no LZ4 without one). A compacted topic keeps the newest record of every key for
/// ever instead of expiring records after <see cref="Retention"/> (which it must leave null).
/// </summary>
public sealed record TopicSpec(string Name, int Partitions, TimeSpan? Retention = null, CompressionType Compression = CompressionType.None, bool Compacted = false)
{
    /// <summary>The topic-level configuration: cleanup.policy=compact, or retention.ms when a retention is set.</summary>
    public IReadOnlyDictionary<string, string> Configs() =>
        Compacted ? new Dictionary<string, string> { ["cleanup.policy"] = "compact" }
        : Retention is { } retention ? new Dictionary<string, string> { ["retention.ms"] = ((long)retention.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) }
        : new Dictionary<string, string>();
}
