using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using StreamProcessor.Contracts;
using StreamProcessor.Hosting;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;
using StreamProcessor.PipelineHost;

namespace StreamProcessor.Pipeline;

/// <summary>
/// The main job: the broker (embedded unless --bootstrap), every service of the catalogue path in this process
/// (phase-space, mass-inference, massfunction), a demo survey from the simulator, live progress, a summary and
/// the output files. The same services run as separate processes against `broker` or a real cluster.
/// </summary>
public static class PipelineRun
{
    public static async Task<int> RunAsync(PipelineOptions options, string[] serviceArgs, CancellationToken cancellationToken)
    {
        await using var app = CataloguePathHost.Build(serviceArgs);

        var clock = Stopwatch.StartNew();
        Log($"starting the broker and services (phase-space, mass-inference, massfunction); metrics on {string.Join(", ", app.Urls)}/metrics");
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        Log($"broker {kafka.Options.BootstrapServers} ready after {clock.Elapsed.TotalSeconds:F1} s");

        Log($"simulating a demo survey of {options.Clusters} candidate clusters with at least {options.CandidateMinimumGalaxies} observed galaxies (seed {options.Seed})");
        var survey = new DemoSurveyOptions { Clusters = options.Clusters, Seed = options.Seed }.WithMinimumCandidateGalaxies(options.CandidateMinimumGalaxies);
        var catalogues = DemoSurvey.Generate(survey, cancellationToken);
        var collector = new PosteriorCollector(kafka);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var collecting = collector.RunAsync(catalogues.Count, timeout.Token);

        using var producer = kafka.CreateProducer("pipeline-ingest");
        var publisher = new CataloguePublisher(producer, acknowledged: collector.CatalogueLogged);
        var published = await WithProgressAsync(catalogues.Count, collector, "catalogues", progress => publisher.PublishAsync(catalogues, Topics.Catalogues, progress, timeout.Token), collecting);
        await collecting;
        if (collector.Count < catalogues.Count)
        {
            Log($"timed out after {options.Timeout}: {collector.Count} of {catalogues.Count} posteriors arrived");
        }

        var deadLettered = DeadLetterCounts(kafka, [Topics.Catalogues, Topics.PhaseSpaceFeatures, Topics.MassPosteriors]);
        await app.StopAsync(CancellationToken.None);

        var posteriors = collector.Posteriors();
        var summary = RunSummary.From((int)published.Acknowledged, posteriors, deadLettered, collector.Duplicates, collector.Span(), collector.EndToEndLatenciesSeconds());
        Print(summary);
        var files = await PipelineOutputs.WriteAsync(options.OutputFolder, posteriors, summary);
        foreach (var file in files) Log($"wrote {file}");
        return collector.Count == catalogues.Count ? 0 : 1;
    }

    /// <summary>A progress bar on a terminal, and a plain log line every second in any case (CI, log files).</summary>
    /// <param name="total">Records to publish.</param>
    /// <param name="collector">The posterior collector whose count the progress shows.</param>
    /// <param name="what">What is published, for the bar's label.</param>
    /// <param name="publish">Starts the publishing with a progress sink.</param>
    /// <param name="collecting">The collector's running task; the progress ends with it.</param>
    /// <param name="expectedPosteriors">Posteriors awaited, when not one per published record (the map path: one per object of one or two maps).</param>
    internal static async Task<PublishResult> WithProgressAsync(
        int total, PosteriorCollector collector, string what, Func<IProgress<PublishProgress>, Task<PublishResult>> publish, Task collecting, int? expectedPosteriors = null)
    {
        int posteriorTotal = expectedPosteriors ?? total;
        var latest = new PublishProgress(total, 0, 0, 0);
        var progress = new Progress<PublishProgress>(p => latest = p);
        var publishing = publish(progress);
        var lastLog = Stopwatch.StartNew();
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var sent = context.AddTask($"{what} published", maxValue: total);
                var done = context.AddTask("posteriors received ", maxValue: posteriorTotal);
                while (!collecting.IsCompleted)
                {
                    sent.Value = latest.Acknowledged;
                    done.Value = collector.Count;
                    await Task.WhenAny(collecting, Task.Delay(200));
                }

                sent.Value = latest.Acknowledged;
                done.Value = collector.Count;
            });
        }
        else
        {
            while (!collecting.IsCompleted)
            {
                await Task.WhenAny(collecting, Task.Delay(1000));
                Log($"progress: published {latest.Acknowledged}/{total}, posteriors {collector.Count}/{posteriorTotal}");
            }
        }

        return await publishing;
    }

    /// <summary>Records on the dead-letter topic of each of <paramref name="inputs"/> (high minus low watermark, summed over partitions).</summary>
    internal static Dictionary<string, long> DeadLetterCounts(KafkaClientFactory kafka, IEnumerable<string> inputs)
    {
        using var reader = kafka.CreateReader("pipeline-dlq-count");
        var counts = new Dictionary<string, long>();
        foreach (var topic in inputs.Select(Topics.DeadLetter))
        {
            var spec = TopicCatalog.All.Single(t => t.Name == topic);
            counts[topic] = Enumerable.Range(0, spec.Partitions)
                .Select(p => reader.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)))
                .Sum(w => w.High.Value - w.Low.Value);
        }

        return counts;
    }

    private static void Print(RunSummary s)
    {
        Log("summary");
        Console.WriteLine($"  catalogues published     {s.CataloguesPublished}");
        Console.WriteLine($"  posteriors received      {s.PosteriorsReceived} ({s.Accepted} accepted, {s.OutOfDistribution} of them flagged out-of-distribution; {s.PosteriorsReceived - s.Accepted} rejected; {s.DuplicatePosteriors} duplicates)");
        foreach (var (reason, count) in s.RejectedByReason.OrderByDescending(r => r.Value)) Console.WriteLine($"  rejected {count,5}  {reason}");
        foreach (var (topic, count) in s.DeadLetteredByTopic) Console.WriteLine($"  dead-lettered {count,4}  {topic}");
        Console.WriteLine($"  throughput               {s.CataloguesPerSecond:F0} catalogues/s over {s.WallSeconds:F1} s");
        Console.WriteLine($"  end-to-end latency       p50 {s.LatencyP50Seconds * 1000:F0} ms, p99 {s.LatencyP99Seconds * 1000:F0} ms (burst ingest: includes queueing)");
        if (s.ResidualScatterDex is { } scatter)
        {
            Console.WriteLine($"  CNN vs truth             scatter {scatter:F3} dex, bias {s.ResidualBiasDex:+0.000;-0.000} dex, 68% coverage {s.Coverage68:P1}");
        }

        if (s.CredibleCoverage68 is { } credible)
        {
            Console.WriteLine($"  full posterior vs truth  truth inside the 16-84 % quantiles for {credible:P1}");
        }
    }

    internal static void Log(string message) => Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} pipeline: {message}");
}
