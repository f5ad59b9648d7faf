using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.Cli.Tests;

/// <summary>An embedded broker with every topic, and helpers to read a topic back.</summary>
public sealed class BrokerFixture : IDisposable
{
    public BrokerFixture()
    {
        Cluster = EmbeddedKafkaCluster.Start();
        Cluster.CreateTopics(TopicCatalog.All);
        Kafka = new KafkaOptions { BootstrapServers = Cluster.BootstrapServers, ClientId = "cli-tests" };
    }

    public EmbeddedKafkaCluster Cluster { get; }

    public KafkaOptions Kafka { get; }

    /// <summary>Every record of <paramref name="topic"/> up to its current end, decoded as catalogues.</summary>
    public IReadOnlyList<(ClusterCatalogue Catalogue, Headers Headers)> ReadCatalogues(string topic = Topics.Catalogues) => Read(topic, new ClusterCatalogueCodec());

    /// <summary>Every record of <paramref name="topic"/> up to its current end, decoded by <paramref name="codec"/>.</summary>
    public IReadOnlyList<(T Message, Headers Headers)> Read<T>(string topic, ArrowMessageCodec<T> codec)
        where T : class
    {
        var factory = new KafkaClientFactory(Kafka);
        using var admin = factory.CreateAdmin();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions.Select(p => p.PartitionId).ToList();
        using var consumer = factory.CreateReader("test-read");
        var ends = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        long expected = ends.Values.Sum();
        var records = new List<(T, Headers)>();
        // Liveness bound only: the loop ends as soon as every record up to the end offsets has been read.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message) records.Add((codec.Decode(message.Value), message.Headers));
        }

        consumer.Close();
        return records;
    }

    public void Dispose() => Cluster.Dispose();
}
