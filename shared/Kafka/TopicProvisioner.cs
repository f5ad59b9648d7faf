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
        catch (KafkaException e) when (e.Error.Code is ErrorCode.Local_UnsupportedFeature or ErrorCode.UnsupportedVersion)
        {
            // A broker without the CreateTopics API (the embedded mock broker, which creates the topics itself):
            // go on only if every topic is there already.
            var existing = admin.GetMetadata(TimeSpan.FromSeconds(30)).Topics.Where(t => t.Error.Code == ErrorCode.NoError).Select(t => t.Topic).ToHashSet();
            var missing = specifications.Select(s => s.Name).Where(name => !existing.Contains(name)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"The broker cannot create topics ({e.Error.Reason}) and these are missing: {string.Join(", ", missing)}.", e);
            }
        }
    }

    private static TopicSpecification ToSpecification(TopicSpec topic)
    {
        return new TopicSpecification { Name = topic.Name, NumPartitions = topic.Partitions, ReplicationFactor = -1, Configs = new(topic.Configs()) };
    }
}
