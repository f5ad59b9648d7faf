using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Contracts;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.Hosting.Tests;

/// <summary>An embedded broker with an input, output and dead-letter topic, and helpers to drive a worker.</summary>
internal sealed class WorkerFixture : IDisposable
{
    public const string Input = "in";
    public const string Output = "out";
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();

    public WorkerFixture()
    {
        _cluster.CreateTopics([new TopicSpec(Input, 4), new TopicSpec(Output, 4), new TopicSpec(Topics.DeadLetter(Input), 2)]);
        Kafka = new KafkaClientFactory(new KafkaOptions { BootstrapServers = _cluster.BootstrapServers, SessionTimeout = TimeSpan.FromSeconds(3) });
    }

    public KafkaClientFactory Kafka { get; }

    public ScaledValueCodec Codec { get; } = new();

    public StreamWorker<ScaledValue, ScaledValue> NewWorker(string service = "doubler", WorkerHealth? health = null, IStreamStep<ScaledValue, ScaledValue>? step = null, int batchesPerCycle = 2) => new(
        new StreamWorkerDefinition(service, Input, Output),
        new StreamWorkerOptions { MaxBatchSize = 16, MaxBatchWait = TimeSpan.FromMilliseconds(10), StepRetries = 1, BatchesPerCycle = batchesPerCycle },
        Codec,
        Codec,
        step ?? new DoublingStep(),
        Kafka,
        health ?? new WorkerHealth(TimeProvider.System),
        NullLogger<StreamWorker<ScaledValue, ScaledValue>>.Instance);

    public async Task ProduceAsync(IEnumerable<(string Key, byte[] Value)> records)
    {
        using var producer = Kafka.CreateProducer("test-producer");
        foreach (var (key, value) in records)
        {
            producer.Produce(Input, new Message<string, byte[]> { Key = key, Value = value });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }

    /// <summary>Reads a topic from the start until <paramref name="expected"/> records arrived or the timeout passed.</summary>
    public List<ConsumeResult<string, byte[]>> ReadAll(string topic, int expected, TimeSpan timeout, bool distinctKeys = false)
    {
        using var reader = Kafka.CreateReader("test-reader");
        reader.Subscribe(topic);
        var records = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        var keys = new HashSet<string>();
        while ((distinctKeys ? keys.Count : records.Count) < expected && DateTime.UtcNow < deadline)
        {
            if (reader.Consume(TimeSpan.FromMilliseconds(200)) is { } record)
            {
                records.Add(record);
                keys.Add(record.Message.Key);
            }
        }

        // Drain what else is there already, so duplicates are seen too.
        while (distinctKeys && reader.Consume(TimeSpan.FromMilliseconds(500)) is { } extra) records.Add(extra);

        reader.Close();
        return records;
    }

    /// <summary>
    /// Waits until <paramref name="group"/> has committed at least <paramref name="offset"/> on <paramref name="partition"/>
    /// of the input (polling the broker, not sleeping a fixed time): true when it did within <paramref name="timeout"/>.
    /// </summary>
    public bool WaitForCommit(string group, int partition, long offset, TimeSpan timeout)
    {
        using var probe = Kafka.CreateConsumerBuilder(group).Build();
        var deadline = DateTime.UtcNow + timeout;
        var tp = new TopicPartition(Input, partition);
        do
        {
            var committed = probe.Committed([tp], TimeSpan.FromSeconds(5)).Single().Offset;
            if (committed != Offset.Unset && committed.Value >= offset) return true;
            Thread.Sleep(50);
        }
        while (DateTime.UtcNow < deadline);
        return false;
    }

    public static string Header(ConsumeResult<string, byte[]> record, string name) =>
        Encoding.UTF8.GetString(record.Message.Headers.GetLastBytes(name));

    public void Dispose() => _cluster.Dispose();
}
