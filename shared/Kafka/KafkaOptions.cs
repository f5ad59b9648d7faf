using Confluent.Kafka;

namespace StreamProcessor.Kafka;

/// <summary>
/// Connection settings shared by every client a service creates. Bound from the "Kafka" configuration
/// section, environment (Kafka__BootstrapServers) or <c>--bootstrap host:port</c>.
/// </summary>
public sealed record KafkaOptions
{
    public const string Section = "Kafka";

    /// <summary>host:port list. Empty means "start the embedded broker in this process".</summary>
    public string BootstrapServers { get; init; } = "";

    /// <summary>Prefix of every client id; the role ("producer", "consumer-&lt;group&gt;") is appended.</summary>
    public string ClientId { get; init; } = "streamprocessor";

    public SecurityProtocol SecurityProtocol { get; init; } = SecurityProtocol.Plaintext;
    public SaslMechanism? SaslMechanism { get; init; }
    public string? SaslUsername { get; init; }
    public string? SaslPassword { get; init; }
    public string? SslCaLocation { get; init; }
    public string? SslCertificateLocation { get; init; }
    public string? SslKeyLocation { get; init; }

    /// <summary>Any other librdkafka property, passed through unchanged (e.g. "compression.type": "lz4").</summary>
    public Dictionary<string, string> Settings { get; init; } = [];

    /// <summary>
    /// How topics come to exist: "admin" creates missing ones with the Admin API (real clusters);
    /// "none" assumes they exist (the standalone embedded broker creates them, the mock has no CreateTopics API).
    /// </summary>
    public TopicProvisioningMode TopicProvisioning { get; init; } = TopicProvisioningMode.Admin;

    /// <summary>Consumer session timeout. Kept short because a joining member waits about this long.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(6);
}
