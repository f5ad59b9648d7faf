using System.Globalization;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>The publishing step both commands end with: produce with progress, then print what happened.</summary>
public static class CataloguePublishing
{
    public static async Task<PublishResult> PublishAsync(
        KafkaOptions kafka, IReadOnlyList<ClusterCatalogue> catalogues, string topic, TextWriter output, CancellationToken cancellationToken)
    {
        var factory = new KafkaClientFactory(kafka);
        using var producer = factory.CreateProducer("ingest");
        var publisher = new CataloguePublisher(producer);
        await output.WriteLineAsync($"publishing {catalogues.Count} catalogues to '{topic}' at {kafka.BootstrapServers}");
        var result = await ConsoleProgress.RunAsync(output, catalogues.Count,
            progress => publisher.PublishAsync(catalogues, topic, progress, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"published: {result.Acknowledged} of {result.Total} catalogues acknowledged, {result.Failed} failed"));
        foreach (string error in result.Errors) await output.WriteLineAsync($"  failed: {error}");
        return result;
    }

    /// <summary>Success when at least one catalogue is in the log.</summary>
    public static int ExitCodeOf(PublishResult result) => result.Acknowledged > 0 ? ExitCodes.Success : ExitCodes.NothingPublished;
}
