namespace StreamProcessor.Kafka;

/// <summary>A topic the system needs: name, partitions (the unit of parallelism) and retention.</summary>
public sealed record TopicSpec(string Name, int Partitions, TimeSpan? Retention = null);
