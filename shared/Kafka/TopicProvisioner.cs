using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace StreamProcessor.Kafka;

/// <summary>Creates missing topics on a real cluster through the Admin API; existing topics are left alone.</summary>
public static class TopicProvisioner
{
    public static async Task EnsureTopicsAsync(KafkaClientFactory factory, IEnumerable<TopicSpec> topics, CancellationToken cancellationToken = default)
    {
        if (factory.Options.TopicProvisioning == TopicProvisioningMode.None) return;
        var specifications = topics.Select(ToSpecification).ToList();
        if (specifications.Count == 0) return;
        using var admin = factory.CreateAdmin();
        try
        {
            await admin.CreateTopicsAsync(specifications, new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(30) })
                .WaitAsync(cancellationToken);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Already there: provisioning is idempotent.
        }
    }

    private static TopicSpecification ToSpecification(TopicSpec topic)
    {
        var configs = new Dictionary<string, string>();
        if (topic.Retention is { } retention) configs["retention.ms"] = ((long)retention.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new TopicSpecification { Name = topic.Name, NumPartitions = topic.Partitions, ReplicationFactor = -1, Configs = configs };
    }
}
