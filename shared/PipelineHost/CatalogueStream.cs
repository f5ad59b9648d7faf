using System.Diagnostics;
using System.Globalization;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// Publishes catalogues to the catalogues topic of a running catalogue path and collects one posterior per catalogue
/// from posteriors.mass (<see cref="PosteriorCollector"/>), logging progress as plain lines every few seconds.
/// Catalogues go out in chunks, the next one once the previous chunk's posteriors arrived: the embedded (librdkafka
/// mock) broker keeps only a few log segments per partition, so a burst of tens of thousands of catalogues would be
/// truncated before the phase-space consumer reads it ("offset out of range").
/// </summary>
public static class CatalogueStream
{
    /// <summary>The posteriors of <paramref name="catalogues"/> (by cluster id); throws <see cref="TimeoutException"/> when they do not all arrive.</summary>
    public static async Task<IReadOnlyList<Posterior>> RunAsync(
        KafkaClientFactory kafka, IReadOnlyList<ClusterCatalogue> catalogues, TextWriter log, string name, CancellationToken cancellationToken, int chunkSize = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSize);
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(catalogues);
        ArgumentNullException.ThrowIfNull(log);
        var collector = new PosteriorCollector(kafka);
        Task collecting = collector.RunAsync(catalogues.Count, cancellationToken);
        using var producer = kafka.CreateProducer($"{name}-ingest");
        var publisher = new CataloguePublisher(producer, acknowledged: collector.CatalogueLogged);
        var clock = Stopwatch.StartNew();
        var lastLog = Stopwatch.StartNew();
        long acknowledged = 0;
        for (int first = 0; first < catalogues.Count && !collecting.IsCompleted; first += chunkSize)
        {
            ClusterCatalogue[] chunk = [.. catalogues.Skip(first).Take(chunkSize)];
            PublishResult published = await publisher.PublishAsync(chunk, Topics.Catalogues, null, cancellationToken);
            acknowledged += published.Acknowledged;
            if (published.Failed > 0) throw new InvalidOperationException($"{published.Failed} catalogues were not published: {string.Join("; ", published.Errors)}");
            while (collector.Count < first + chunk.Length && !collecting.IsCompleted)
            {
                await Task.WhenAny(collecting, Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None));
                if (lastLog.Elapsed > TimeSpan.FromSeconds(5))
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{DateTime.UtcNow:HH:mm:ss} {name}: posteriors {collector.Count:N0}/{catalogues.Count:N0} after {clock.Elapsed.TotalSeconds:F0} s"));
                    lastLog.Restart();
                }
            }
        }

        await collecting;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} {name}: {collector.Count:N0} posteriors for {catalogues.Count:N0} catalogues in {clock.Elapsed.TotalSeconds:F1} s " +
            $"({catalogues.Count / clock.Elapsed.TotalSeconds:F0} catalogues/s)"));
        if (collector.Count < catalogues.Count)
        {
            throw new TimeoutException($"{collector.Count} of {catalogues.Count} posteriors arrived ({acknowledged} catalogues acknowledged)");
        }

        return collector.Posteriors();
    }
}
