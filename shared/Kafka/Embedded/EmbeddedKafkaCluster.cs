namespace StreamProcessor.Kafka.Embedded;

/// <summary>
/// An in-process Kafka-protocol broker: librdkafka's mock cluster. It serves development, the demo and CI,
/// where no real broker can run. Known limits (README "Embedded broker"): about 5 MiB retained per partition
/// (older batches dropped silently, so topics get many partitions and producers are bounded), no CreateTopics
/// admin API (topics are created here), transactions that do not isolate, and ListConsumerGroups crashes it.
/// </summary>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly nint _clientHandle;
    private nint _cluster;

    private EmbeddedKafkaCluster(int brokers)
    {
        BrokerCount = brokers;
        _clientHandle = MockClusterNative.NewClientHandle();
        _cluster = MockClusterNative.NewCluster(_clientHandle, brokers);
        if (_cluster == 0)
        {
            MockClusterNative.DestroyClientHandle(_clientHandle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }

        MockClusterNative.SetControllerId(_cluster, 1);
        // A joining group member would otherwise wait for the initial rebalance delay (3 s by default).
        MockClusterNative.SetInitialRebalanceDelay(_cluster, 0);
        BootstrapServers = MockClusterNative.Bootstraps(_cluster);
    }

    public string BootstrapServers { get; }

    public int BrokerCount { get; }

    /// <summary>Starts a mock cluster (one broker by default) listening on 127.0.0.1 ephemeral ports.</summary>
    public static EmbeddedKafkaCluster Start(int brokers = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        return new EmbeddedKafkaCluster(brokers);
    }

    public void CreateTopic(TopicSpec topic)
    {
        int error = MockClusterNative.CreateTopic(Handle(), topic.Name, topic.Partitions, Math.Min(BrokerCount, 3));
        if (error != 0)
        {
            throw new InvalidOperationException($"mock topic create '{topic.Name}' failed with librdkafka error {error}");
        }
    }

    public void CreateTopics(IEnumerable<TopicSpec> topics)
    {
        foreach (var topic in topics) CreateTopic(topic);
    }

    /// <summary>Fault injection: the broker stops answering (connections are closed) until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId = 1) => Check(MockClusterNative.SetBrokerDown(Handle(), brokerId), "broker down");

    public void SetBrokerUp(int brokerId = 1) => Check(MockClusterNative.SetBrokerUp(Handle(), brokerId), "broker up");

    public void Dispose()
    {
        if (_cluster == 0) return;
        MockClusterNative.DestroyCluster(_cluster);
        MockClusterNative.DestroyClientHandle(_clientHandle);
        _cluster = 0;
    }

    private nint Handle() => _cluster != 0 ? _cluster : throw new ObjectDisposedException(nameof(EmbeddedKafkaCluster));

    private static void Check(int error, string what)
    {
        if (error != 0) throw new InvalidOperationException($"mock {what} failed with librdkafka error {error}");
    }
}
