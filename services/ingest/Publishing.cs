using System.Globalization;
using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;

namespace StreamProcessor.IngestCli;

/// <summary>The publishing step every command ends with: produce with progress, then print what happened.</summary>
public static class Publishing
{
    public static Task<PublishResult> CataloguesAsync(
        KafkaOptions kafka, IReadOnlyList<ClusterCatalogue> catalogues, string topic, TextWriter output, CancellationToken cancellationToken) =>
        PublishAsync(kafka, catalogues, "catalogues", topic, producer => new CataloguePublisher(producer), output, cancellationToken);

    public static Task<PublishResult> ProfilesAsync(
        KafkaOptions kafka, IReadOnlyList<StackedProfile> profiles, string topic, TextWriter output, CancellationToken cancellationToken) =>
        PublishAsync(kafka, profiles, "profiles", topic,
            producer => new MessagePublisher<StackedProfile>(producer, new StackedProfileCodec(), Topics.Profiles), output, cancellationToken);

    public static Task<PublishResult> MapsAsync(
        KafkaOptions kafka, IReadOnlyList<SkyMap> maps, string topic, TextWriter output, CancellationToken cancellationToken) =>
        PublishAsync(kafka, maps, "maps", topic,
            producer => new MessagePublisher<SkyMap>(producer, new SkyMapCodec(), Topics.Maps), output, cancellationToken);

    /// <summary>Success when at least one record is in the log.</summary>
    public static int ExitCodeOf(PublishResult result) => result.Acknowledged > 0 ? ExitCodes.Success : ExitCodes.NothingPublished;

    private static async Task<PublishResult> PublishAsync<T>(
        KafkaOptions kafka, IReadOnlyList<T> messages, string noun, string topic, Func<IProducer<string, byte[]>, MessagePublisher<T>> create,
        TextWriter output, CancellationToken cancellationToken)
        where T : class
    {
        var factory = new KafkaClientFactory(kafka);
        using var producer = factory.CreateProducer("ingest");
        var publisher = create(producer);
        await output.WriteLineAsync($"publishing {messages.Count} {noun} to '{topic}' at {kafka.BootstrapServers}");
        var result = await ConsoleProgress.RunAsync(output, messages.Count,
            progress => publisher.PublishAsync(messages, topic, progress, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"published: {result.Acknowledged} of {result.Total} {noun} acknowledged, {result.Failed} failed"));
        foreach (string error in result.Errors) await output.WriteLineAsync($"  failed: {error}");
        return result;
    }
}
