using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

/// <summary>An embedded broker with every topic of the system, and helpers to drive the massfunction service.</summary>
internal sealed class ServiceFixture : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();

    public ServiceFixture()
    {
        _cluster.CreateTopics(TopicCatalog.All);
        Kafka = new KafkaClientFactory(new KafkaOptions { BootstrapServers = _cluster.BootstrapServers, TopicProvisioning = TopicProvisioningMode.None, SessionTimeout = TimeSpan.FromSeconds(3) });
    }

    public KafkaClientFactory Kafka { get; }

    public PosteriorCodec PosteriorCodec { get; } = new();

    public MassFunctionUpdateCodec UpdateCodec { get; } = new();

    public WorkerHealth Health { get; } = new(TimeProvider.System);

    public MassFunctionService NewService(SurveyOptions survey, int updateEveryPosteriors = 100_000, TimeSpan? interval = null) => new(
        new MassFunctionOptions
        {
            Surveys = [survey],
            UpdateEveryPosteriors = updateEveryPosteriors,
            UpdateInterval = interval ?? TimeSpan.FromMilliseconds(300),
            MaxBatchWait = TimeSpan.FromMilliseconds(10),
            GroupId = "massfunction-test",
        },
        PosteriorCodec,
        UpdateCodec,
        Kafka,
        Health,
        NullLogger<MassFunctionService>.Instance);

    public void Produce(IEnumerable<Posterior> posteriors) =>
        ProduceRaw(posteriors.Select(p => (p.ObjectId, PosteriorCodec.Encode(p))));

    public void ProduceRaw(IEnumerable<(string Key, byte[] Value)> records)
    {
        using var producer = Kafka.CreateProducer("test-producer");
        foreach (var (key, value) in records)
        {
            producer.Produce(Topics.MassPosteriors, new Message<string, byte[]>
            {
                Key = key,
                Value = value,
                Headers = new Headers { { "origin", Encoding.UTF8.GetBytes("test") } },
            });
        }

        producer.Flush(Timeout);
    }

    /// <summary>Reads a topic from the start until <paramref name="done"/> says the records seen so far suffice, or the timeout.</summary>
    public List<ConsumeResult<string, byte[]>> ReadUntil(string topic, Func<List<ConsumeResult<string, byte[]>>, bool> done)
    {
        using var reader = Kafka.CreateReader("test-reader");
        // Assigned, not subscribed: no group join to wait for.
        reader.Assign(Partitions(topic).Select(p => new TopicPartitionOffset(p, Offset.Beginning)));
        var records = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + Timeout;
        while (!done(records) && DateTime.UtcNow < deadline)
        {
            if (reader.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } record) records.Add(record);
        }

        reader.Close();
        return records;
    }

    /// <summary>The massfunction updates read until every series of <paramref name="survey"/> has one satisfying <paramref name="wanted"/>; the first such per series.</summary>
    public Dictionary<string, MassFunctionUpdate> ReadUpdates(SurveyOptions survey, Func<MassFunctionUpdate, bool> wanted)
    {
        int series = survey.RedshiftEdges.Length - 1;
        var found = new Dictionary<string, MassFunctionUpdate>();
        int seen = 0;
        _ = ReadUntil(Topics.MassFunction, records =>
        {
            for (; seen < records.Count; seen++)
            {
                var update = UpdateCodec.Decode(records[seen].Message.Value);
                if (update.Survey == survey.Name && wanted(update)) found.TryAdd(update.SeriesId, update);
            }

            return found.Count >= series;
        });
        Assert.Equal(series, found.Count);
        return found;
    }

    /// <summary>Records in a topic now: the sum of the partitions' high minus low watermarks.</summary>
    public long RecordsIn(string topic)
    {
        using var reader = Kafka.CreateReader("test-count");
        return Partitions(topic).Sum(p =>
        {
            var w = reader.QueryWatermarkOffsets(p, Timeout);
            return w.High.Value - w.Low.Value;
        });
    }

    private List<TopicPartition> Partitions(string topic)
    {
        using var admin = Kafka.CreateAdmin();
        return [.. admin.GetMetadata(topic, Timeout).Topics.Single().Partitions.Select(p => new TopicPartition(topic, new Partition(p.PartitionId)))];
    }

    public static string Header(ConsumeResult<string, byte[]> record, string name) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(name));

    public void Dispose() => _cluster.Dispose();
}
