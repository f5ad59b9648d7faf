using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamProcessor.Kafka;

namespace StreamProcessor.Hosting;

/// <summary>Creates the system's topics on a real cluster before any worker starts (hosted services start in order).</summary>
public sealed class TopicProvisioningService(KafkaClientFactory kafka, ILogger<TopicProvisioningService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (kafka.Options.TopicProvisioning == TopicProvisioningMode.None) return;
        await TopicProvisioner.EnsureTopicsAsync(kafka, TopicCatalog.All, cancellationToken);
        logger.LogInformation("Topics ensured on {Bootstrap}: {Count}", kafka.Options.BootstrapServers, TopicCatalog.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
