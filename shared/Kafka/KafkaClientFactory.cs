using Confluent.Kafka;

namespace StreamProcessor.Kafka;

/// <summary>
/// The one place that turns <see cref="KafkaOptions"/> into Confluent.Kafka clients, so every producer,
/// consumer and admin client of the system shares security settings and sane defaults.
/// Keys are UTF-8 object ids; values are Arrow IPC bytes.
/// </summary>
public sealed class KafkaClientFactory(KafkaOptions options)
{
    /// <summary>How long a producer waits to fill a batch (latency traded for fewer, larger requests).</summary>
    public const int DefaultLingerMs = 5;

    private static readonly string[] OperatorTunedProducerSettings = ["linger.ms", "compression.type"];

    /// <summary>Longest a group consumer's fetch waits for data when its partitions are idle.</summary>
    public const int DefaultFetchWaitMaxMs = 25;

    public KafkaOptions Options { get; } = options;

    /// <summary>
    /// An idempotent producer with acks=all: a delivery report means the record is durably in the log,
    /// which is the condition for storing the input offset (at-least-once).
    /// </summary>
    public IProducer<string, byte[]> CreateProducer(string role = "producer", Action<ProducerConfig>? configure = null)
    {
        var config = new ProducerConfig(Common(role))
        {
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = DefaultLingerMs,
            // Bounded queue: back-pressure instead of unbounded memory (and the mock's 5 MiB per partition).
            QueueBufferingMaxKbytes = 64 * 1024,
            MessageTimeoutMs = 120_000,
        };
        configure?.Invoke(config);
        // The tuning a caller picks gives way to the operator's Kafka:Settings.
        foreach (var key in OperatorTunedProducerSettings)
        {
            if (Options.Settings.TryGetValue(key, out var value)) config.Set(key, value);
        }

        return new ProducerBuilder<string, byte[]>(config).Build();
    }

    /// <summary>
    /// A group consumer that never commits by itself: the worker commits a batch's offsets explicitly, only after
    /// the broker acknowledged the batch's outputs (at-least-once). Auto-commit is off because the mock broker
    /// refuses commits inside the revoke callback, which would leave up to an interval of work to be redone.
    /// </summary>
    public ConsumerBuilder<string, byte[]> CreateConsumerBuilder(string groupId, Action<ConsumerConfig>? configure = null)
    {
        var config = new ConsumerConfig(Common($"consumer-{groupId}"))
        {
            GroupId = groupId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            SessionTimeoutMs = (int)Options.SessionTimeout.TotalMilliseconds,
            HeartbeatIntervalMs = Math.Max(100, (int)Options.SessionTimeout.TotalMilliseconds / 6),
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.RoundRobin,
            IsolationLevel = IsolationLevel.ReadCommitted,
        };
        // An idle fetch is held by the broker up to fetch.wait.max.ms (500 ms by default). A real broker answers as
        // soon as data arrives; the embedded mock waits the full time, which added ~0.5 s per hop to the latency.
        // Kafka:Settings:fetch.wait.max.ms overrides this.
        if (!Options.Settings.ContainsKey("fetch.wait.max.ms")) config.FetchWaitMaxMs = DefaultFetchWaitMaxMs;
        configure?.Invoke(config);
        return new ConsumerBuilder<string, byte[]>(config);
    }

    /// <summary>A consumer with no group: for replay tools that assign partitions themselves.</summary>
    public IConsumer<string, byte[]> CreateReader(string role, Action<ConsumerConfig>? configure = null)
    {
        var config = new ConsumerConfig(Common(role))
        {
            GroupId = $"{Options.ClientId}-{role}-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        configure?.Invoke(config);
        return new ConsumerBuilder<string, byte[]>(config).Build();
    }

    public IAdminClient CreateAdmin() => new AdminClientBuilder(new AdminClientConfig(Common("admin"))).Build();

    private ClientConfig Common(string role)
    {
        if (string.IsNullOrWhiteSpace(Options.BootstrapServers))
        {
            throw new InvalidOperationException("Kafka:BootstrapServers is empty: start the embedded broker first or pass --bootstrap host:port.");
        }

        var config = new ClientConfig(new Dictionary<string, string>(Options.Settings))
        {
            BootstrapServers = Options.BootstrapServers,
            ClientId = $"{Options.ClientId}-{role}",
            SecurityProtocol = Options.SecurityProtocol,
            SaslMechanism = Options.SaslMechanism,
            SaslUsername = Options.SaslUsername,
            SaslPassword = Options.SaslPassword,
            SslCaLocation = Options.SslCaLocation,
            SslCertificateLocation = Options.SslCertificateLocation,
            SslKeyLocation = Options.SslKeyLocation,
        };
        return config;
    }
}
