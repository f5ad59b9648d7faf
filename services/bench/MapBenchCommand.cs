using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Kafka;
using StreamProcessor.MapFeatureExtraction;
using StreamProcessor.MapInference;
using StreamProcessor.Maps;
using StreamProcessor.PipelineHost;

namespace StreamProcessor.Bench;

/// <summary>
/// `bench maps`: map-features and map-inference on the embedded broker, end to end through the shared worker (maps →
/// features.maps → posteriors.cgm, maps/s over a burst of complete X-ray + HI pairs), batched vs batch-1 throughput of
/// the multifield model, and the map generator's maps/s, in one run. Without trained bundles at the model paths it
/// times freshly initialised CNNs of the trainer's shape, and says so.
/// </summary>
internal static class MapBenchCommand
{
    private const int WarmupRounds = 2;

    /// <summary>Survey profile of the load: the one the CGM models are trained under (services/map-features/appsettings.json).</summary>
    private static readonly MapLimitsProfile Erass4Mhongoose = new() { XrayFloorErgPerSPerCm2PerArcmin2 = 1e-15, HiFloorCm2 = 3e19 };

    public static Command Create()
    {
        var multifield = new Option<string>("--multifield-model") { Description = "X-ray + HI model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[0].Path };
        var xray = new Option<string>("--xray-model") { Description = "X-ray-only model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[1].Path };
        var hi = new Option<string>("--hi-model") { Description = "HI-only model bundle; an untrained one when missing.", DefaultValueFactory = _ => ServedMapModels.Defaults[2].Path };
        var objects = new Option<int>("--objects") { Description = "Objects (an X-ray and an HI map each) in the measured burst.", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = $"Objects per warm-up round ({WarmupRounds} rounds: JIT, pools, group joins).", DefaultValueFactory = _ => 40 };
        var inference = new Option<int>("--inference-sample") { Description = "Inputs of the batched vs batch-1 comparison of the multifield model.", DefaultValueFactory = _ => 64 };
        var haloes = new Option<int>("--generator-haloes") { Description = "Haloes the map generator makes for its maps/s (3 projections x 2 fields each).", DefaultValueFactory = _ => 64 };
        var threads = new Option<int>("--generator-threads") { Description = "Threads of the map generator.", DefaultValueFactory = _ => 2 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda (TorchDevices.Select).", DefaultValueFactory = _ => "auto" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the generated haloes.", DefaultValueFactory = _ => 5UL };
        var command = new Command("maps", "map-features + map-inference maps/s end to end on the embedded broker; batched vs batch-1 inference of the multifield CNN; map generator maps/s.")
        {
            multifield, xray, hi, objects, warmup, inference, haloes, threads, device, seed,
        };
        // Anything else is configuration for the hosted services, e.g. --Worker:map-inference:MaxBatchSize=32.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, token) => RunAsync(
            [parse.GetRequiredValue(multifield), parse.GetRequiredValue(xray), parse.GetRequiredValue(hi)], parse.GetValue(objects), parse.GetValue(warmup),
            parse.GetValue(inference), parse.GetValue(haloes), parse.GetValue(threads), parse.GetRequiredValue(device), parse.GetValue(seed), [.. parse.UnmatchedTokens], token));
        return command;
    }

    private static async Task<int> RunAsync(
        string[] modelPaths, int burstCount, int warmupCount, int inferenceSample, int generatorHaloes, int generatorThreads, string device, ulong seed,
        string[] hostArgs, CancellationToken cancellationToken)
    {
        var generator = GeneratorRate(generatorHaloes, generatorThreads, seed);
        int total = (WarmupRounds * warmupCount) + burstCount;
        var clock = Stopwatch.StartNew();
        var demo = DemoMaps.Generate(new DemoMapsOptions { Objects = total, Seed = seed, LoneXrayFraction = 0, Malformed = 0, Survey = "erass4-mhongoose" });
        double demoSeconds = clock.Elapsed.TotalSeconds;

        using var models = ServedMapModels.Resolve([.. modelPaths.Select((p, i) => (p, ServedMapModels.Defaults[i].Channels))]);
        if (models.Warning is { } warning) Console.WriteLine(warning);
        // As services/map-features/appsettings.json and services/map-inference/appsettings.json configure the services; the
        // join wait only matters for lone maps, which the burst has none of.
        string[] args =
        [
            "--metrics-url", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--Worker:map-features:MaxBatchSize=16", "--Worker:map-inference:MaxBatchSize=64",
            "--MapFeatures:JoinWait=00:00:30", "--MapFeatures:DefaultProfile=erass4-mhongoose",
            $"--MapFeatures:Profiles:erass4-mhongoose:XrayFloorErgPerSPerCm2PerArcmin2={Erass4Mhongoose.XrayFloorErgPerSPerCm2PerArcmin2:R}",
            $"--MapFeatures:Profiles:erass4-mhongoose:HiFloorCm2={Erass4Mhongoose.HiFloorCm2:R}",
            $"--MapInference:Device={device}", "--MapInference:MaxInferenceBatch=64", .. models.ServiceArgs, .. hostArgs,
        ];
        await using var app = MapPathHost.Build(args);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        var served = app.Services.GetRequiredService<MapModelSet>();
        var multifieldModel = served.For([SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity])
            ?? throw new InvalidOperationException("no multifield (xray+hi) model is served");
        var codec = new SkyMapCodec();
        Console.WriteLine($"bench maps: models {string.Join(", ", served.Models.Select(m => $"{m.Name} {m.Version} ({m.Layout.ChannelLabel})"))} on {multifieldModel.DeviceName}" +
            $"{(models.Untrained.Count > 0 ? " (UNTRAINED: timings hold, posteriors mean nothing)" : "")}; {WarmupRounds} x {warmupCount} warm-up + {burstCount} objects " +
            $"(X-ray + HI, {demo.Objects[0].Xray.Width}x{demo.Objects[0].Xray.Height}, {codec.Encode(demo.Objects[0].Xray).Length / 1024.0:F1} KiB per map; made in {demoSeconds:F1} s), broker {kafka.Options.BootstrapServers}");

        using var producer = kafka.CreateProducer("bench-maps", c => c.LingerMs = 5);
        for (int round = 0; round <= WarmupRounds; round++)
        {
            bool measured = round == WarmupRounds;
            var chunk = demo.Objects.Skip(round * warmupCount).Take(measured ? burstCount : warmupCount).ToList();
            if (chunk.Count == 0) continue;
            var keys = chunk.Select(o => o.ObjectId).ToHashSet();
            var payloads = chunk.SelectMany(o => (SkyMap[])[o.Xray, o.Hi!]).Select(m => (codec.KeyOf(m), codec.Encode(m))).ToList();
            var collector = new PosteriorCollector(kafka, keys, Topics.CgmPosteriors);
            var collecting = collector.RunAsync(chunk.Count, cancellationToken);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            LoadGenerator.Produce(producer, Topics.Maps, payloads, perSecond: 0, collector.CatalogueLogged);
            if (!await PosteriorWait.ArrivedAsync("bench maps", collector, collecting, chunk.Count, measured ? "burst" : "warm-up")) return 1;
            var (first, last) = collector.Span(keys);
            double seconds = (last - first).TotalSeconds;
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / payloads.Count;
            var posteriors = collector.Posteriors();
            var latencies = collector.EndToEndLatenciesSeconds(keys).Order().ToList();
            Console.WriteLine($"{(measured ? "burst" : $"warm-up round {round + 1}"),-16} {payloads.Count,6} maps ({chunk.Count} objects) in {seconds,6:F2} s: " +
                $"{payloads.Count / seconds,7:F1} maps/s end to end; process CPU {cpuMs:F1} ms per map; " +
                $"features {posteriors.Average(p => p.FeaturesMs ?? 0):F1} ms per object (incl. join), inference {posteriors.Average(p => p.InferenceMs):F2} ms per object (batch share); " +
                $"latency p50 {Percentile(latencies, 0.5) * 1000:F0} ms, p95 {Percentile(latencies, 0.95) * 1000:F0} ms; " +
                $"{posteriors.Count(p => p.ModelName == multifieldModel.Name)} by the multifield model");
        }

        var (batched, single) = InferenceRates(multifieldModel, demo.Objects.Take(inferenceSample).ToList());
        await app.StopAsync(CancellationToken.None);
        Console.WriteLine($"inference of {multifieldModel.Name} on {multifieldModel.DeviceName}, {Math.Min(inferenceSample, demo.Objects.Count)} inputs (2 x 128 x 128): " +
            $"batched {batched,7:F1} inputs/s, batch-1 {single,7:F1} inputs/s, ratio {batched / single:F1}x");
        Console.WriteLine($"map generator (tng-like), {generatorHaloes} haloes on {generatorThreads} threads: {generator.HaloesPerSecond:F2} haloes/s = " +
            $"{generator.HaloesPerSecond * MapGenerator.ProjectionsPerHalo * 2:F1} maps/s ({MapGenerator.ProjectionsPerHalo} projections x X-ray + HI per halo)");
        return 0;
    }

    /// <summary>Inputs per second through the model in one batch and one at a time, on the same inputs map-features makes.</summary>
    private static (double Batched, double Single) InferenceRates(IMapModel model, IReadOnlyList<DemoMapObject> objects)
    {
        var builder = new MapChannelBuilder(new MapFeaturesOptions(), FlatLcdm.Planck18);
        int length = model.Layout.InputLength;
        float[] inputs = [.. objects.SelectMany(o => builder.Build(o.Xray, Erass4Mhongoose).Log10Pixels!.Concat(builder.Build(o.Hi!, Erass4Mhongoose).Log10Pixels!))];
        return BatchedInferenceRates.Measure((x, n) => model.Predict(x, n), inputs, objects.Count, length, batchedRepeats: 3);
    }

    /// <summary>Haloes per second of <see cref="MapGenerator.Generate"/> (draw, targets, three projections of both fields) on <paramref name="threads"/> threads.</summary>
    private static (double HaloesPerSecond, int Haloes) GeneratorRate(int haloes, int threads, ulong seed)
    {
        MapGenerator.Generate(MapSettings.Cgm, GalaxyFormationModel.TngLike, seed, Math.Min(2, haloes), threads, firstIndex: 1_000_000); // JIT
        var clock = Stopwatch.StartNew();
        MapGenerator.Generate(MapSettings.Cgm, GalaxyFormationModel.TngLike, seed, haloes, threads);
        return (haloes / clock.Elapsed.TotalSeconds, haloes);
    }

    private static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}
