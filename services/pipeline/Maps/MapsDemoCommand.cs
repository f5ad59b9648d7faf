using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;
using StreamProcessor.MapFeatureExtraction;
using StreamProcessor.PipelineHost;

namespace StreamProcessor.Pipeline.Maps;

/// <summary>
/// `pipeline maps`: the map path end to end: the broker (embedded unless --bootstrap), map-features and map-inference in
/// this process, demo sky maps from the physical map generator published to <c>maps</c> (X-ray and HI as separate
/// messages of one object, some lone X-ray maps, a few malformed ones), the posteriors read back from
/// <c>posteriors.cgm</c>, a summary against the true CGM properties, and summary.json + posteriors.csv.
/// </summary>
internal static class MapsDemoCommand
{
    internal static Command Create()
    {
        var objects = new Option<int>("--objects") { Description = "Demo haloes (objects) to observe.", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the map generator's run.", DefaultValueFactory = _ => 11UL };
        var lone = new Option<double>("--lone-xray-fraction") { Description = "Fraction of objects whose HI map is never sent (served partial by the X-ray model).", DefaultValueFactory = _ => 0.1 };
        var malformed = new Option<int>("--malformed") { Description = "Malformed maps to publish (NaN pixels, wrong size, unknown units, in turn); they belong in maps.dlq.", DefaultValueFactory = _ => 3 };
        var joinWait = new Option<TimeSpan>("--join-wait") { Description = "map-features' join wait (MapFeatures:JoinWait): how long a lone map waits for its other field.", DefaultValueFactory = _ => TimeSpan.FromSeconds(2) };
        var multifield = new Option<string>("--multifield-model") { Description = "X-ray + HI model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[0].Path };
        var xray = new Option<string>("--xray-model") { Description = "X-ray-only model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[1].Path };
        var hi = new Option<string>("--hi-model") { Description = "HI-only model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[2].Path };
        var output = new Option<string>("--out") { Description = "Folder for summary.json and posteriors.csv.", DefaultValueFactory = _ => "artifacts/maps-demo" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up waiting for posteriors after this long.", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var command = new Command("maps", "Demo sky maps through map-features and map-inference (maps -> features.maps -> posteriors.cgm) with a summary against the truth. Service options pass through.")
        {
            objects, seed, lone, malformed, joinWait, multifield, xray, hi, output, timeout,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, token) => RunAsync(
            new DemoMapsOptions
            {
                Objects = parse.GetValue(objects), Seed = parse.GetValue(seed), LoneXrayFraction = parse.GetValue(lone), Malformed = parse.GetValue(malformed),
            },
            parse.GetValue(joinWait), [parse.GetValue(multifield)!, parse.GetValue(xray)!, parse.GetValue(hi)!], parse.GetValue(output)!, parse.GetValue(timeout),
            [.. parse.UnmatchedTokens], token));
        return command;
    }

    private static async Task<int> RunAsync(
        DemoMapsOptions options, TimeSpan joinWait, string[] modelPaths, string outputFolder, TimeSpan timeLimit, string[] serviceArgs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var demo = DemoMaps.Generate(options);
        var maps = demo.Maps;
        PipelineRun.Log($"generated {demo.Objects.Count} {options.Survey} objects at z = {options.Redshift} (tng-like, seed {options.Seed}): {maps.Count} maps, " +
            $"{demo.Objects.Count(o => o.LoneXray)} of them X-ray only, + {demo.Malformed.Count} malformed, in {clock.Elapsed.TotalSeconds:F1} s");

        using var models = ServedMapModels.Resolve([.. modelPaths.Select((p, i) => (p, ServedMapModels.Defaults[i].Channels))]);
        if (models.Warning is { } warning) PipelineRun.Log(warning);
        string[] args = [$"--MapFeatures:JoinWait={joinWait:c}", .. models.ServiceArgs, .. serviceArgs];
        await using var app = MapPathHost.Build(args);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        PipelineRun.Log($"broker {kafka.Options.BootstrapServers}, map-features (join wait {joinWait.TotalSeconds:G3} s) and map-inference ready after {clock.Elapsed.TotalSeconds:F1} s");

        var joinsBefore = Joins();
        var collector = new PosteriorCollector(kafka, topic: Topics.CgmPosteriors);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeLimit);
        var collecting = collector.RunAsync(demo.Objects.Count, timeout.Token);
        using var producer = kafka.CreateProducer("pipeline-maps");
        var publisher = new MessagePublisher<SkyMap>(producer, new SkyMapCodec(), Topics.Maps, acknowledged: collector.CatalogueLogged);
        ProduceMalformed(producer, demo.Malformed);
        var published = await PipelineRun.WithProgressAsync(
            maps.Count, collector, "maps", progress => publisher.PublishAsync(maps, progress: progress, cancellationToken: timeout.Token), collecting, demo.Objects.Count);
        await collecting;
        if (collector.Count < demo.Objects.Count)
        {
            PipelineRun.Log($"timed out after {timeLimit}: {collector.Count} of {demo.Objects.Count} posteriors arrived");
        }

        var deadLettered = PipelineRun.DeadLetterCounts(kafka, [Topics.Maps, Topics.MapFeatures]);
        var joinsAfter = Joins();
        await app.StopAsync(CancellationToken.None);

        var loneIds = demo.Objects.Where(o => o.LoneXray).Select(o => o.ObjectId).ToHashSet();
        var summary = MapsDemoSummary.From(
            (int)published.Acknowledged, demo.Malformed.Count, demo.Objects.Count, loneIds,
            (joinsAfter.Complete - joinsBefore.Complete, joinsAfter.Partial - joinsBefore.Partial),
            collector.Posteriors(), demo.TrueValues, deadLettered, collector.Duplicates, collector.Span(),
            collector.EndToEndLatenciesSeconds(demo.Objects.Where(o => !o.LoneXray).Select(o => o.ObjectId).ToHashSet()),
            collector.EndToEndLatenciesSeconds(loneIds), models.Untrained.Count > 0);
        summary.Print(Console.Out);
        foreach (string file in await summary.WriteAsync(outputFolder, collector.Posteriors(), demo.TrueValues, loneIds))
        {
            PipelineRun.Log($"wrote {file}");
        }

        if (models.Warning is not null) PipelineRun.Log("the posteriors above come from UNTRAINED models: their figures against the truth mean nothing");
        return collector.Count == demo.Objects.Count ? 0 : 1;
    }

    /// <summary>The malformed maps as a faulty survey pipeline would send them: raw bytes with the schema headers, keyed by their object id.</summary>
    private static void ProduceMalformed(IProducer<string, byte[]> producer, IReadOnlyList<DemoMalformedMap> malformed)
    {
        foreach (var map in malformed)
        {
            producer.Produce(Topics.Maps, new Message<string, byte[]>
            {
                Key = map.Key,
                Value = map.Payload,
                Headers = new Headers
                {
                    { MessageHeaders.SchemaName, Encoding.UTF8.GetBytes(SkyMapCodec.Id.Name) },
                    { MessageHeaders.SchemaVersion, Encoding.UTF8.GetBytes(SkyMapCodec.Id.Version) },
                    { MessageHeaders.ContentType, Encoding.UTF8.GetBytes(SkyMapCodec.Definition.ContentType) },
                },
            });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }

    /// <summary>map-features' joins so far, from its counter in this process (complete: every expected field; partial: the wait ran out).</summary>
    private static (double Complete, double Partial) Joins() =>
        (MapFeaturesMetrics.Joins.WithLabels(ExtractMapFeaturesStep.ServiceName, "complete").Value,
         MapFeaturesMetrics.Joins.WithLabels(ExtractMapFeaturesStep.ServiceName, "partial").Value);
}
