using System.CommandLine;
using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Kafka;
using StreamProcessor.MassInference;
using StreamProcessor.PipelineHost;

namespace StreamProcessor.Bench;

/// <summary>
/// `bench stream`: the whole catalogue path (phase-space + mass-inference) on the embedded broker, in one run:
/// burst throughput, end-to-end latency at a fixed offered load, time per stage, batched vs batch-1 inference.
/// </summary>
internal static class StreamBenchCommand
{
    public static Command Create()
    {
        var clusters = new Option<int>("--clusters") { Description = "Catalogues for the throughput run (50–200 members each).", DefaultValueFactory = _ => 3000 };
        var rate = new Option<int>("--rate") { Description = "Offered load for the latency run, catalogues/s.", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "Duration of the latency run.", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Demo-survey seed.", DefaultValueFactory = _ => 3UL };
        var compute3D = new Option<bool>("--compute-3d") { Description = "Also compute the 50³ KDE cube in phase-space (the 3D path; ~0.5 MB records, so keep --clusters small on the embedded broker)." };
        var warmup = new Option<int>("--warmup") { Description = "Catalogues per warm-up round; rounds repeat (2 to 8) until the JIT is quiet (JIT tiering, pools, group joins).", DefaultValueFactory = _ => 1000 };
        var command = new Command("stream", "Throughput and latency of the catalogue path on the embedded broker; batched vs batch-1 inference.")
        {
            clusters, rate, seconds, seed, warmup, compute3D,
        };
        // Anything else is configuration for the hosted services, e.g. --Worker:mass-inference:MaxBatchSize=128.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, token) => RunAsync(
            new StreamBenchSettings(parse.GetValue(clusters), parse.GetValue(rate), parse.GetValue(seconds), parse.GetValue(seed), parse.GetValue(warmup), parse.GetValue(compute3D), [.. parse.UnmatchedTokens]), token));
        return command;
    }

    private const int MaxWarmupRounds = 8;

    /// <summary>Two rounds at least, so that each load-generator producer has run before it is measured.</summary>
    private const int MinWarmupRounds = 2;

    /// <summary>Warm-up ends after a round in which JIT compilation took less than this share of its wall-clock time.</summary>
    private const double QuietJitShare = 0.05;

    private static async Task<int> RunAsync(StreamBenchSettings settings, CancellationToken cancellationToken)
    {
        var (clusters, rate, seconds, seed, warmupCount, compute3D, hostArgs) = settings;
        int latencyCount = rate * seconds;
        var catalogues = MembersBetween(warmupCount + clusters + latencyCount, seed, 50, 200);
        var warmup = catalogues.Take(warmupCount).ToList();
        var burst = catalogues.Skip(warmupCount).Take(clusters).ToList();
        var paced = catalogues.Skip(warmupCount + clusters).ToList();
        await using var app = CataloguePathHost.Build(
            ["--metrics-url", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", $"--PhaseSpace:Compute3D={compute3D}", .. hostArgs], withMassFunction: false);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        var model = app.Services.GetRequiredService<IMassModel>();

        // The load generator's producers live for the whole run, like a survey's ingest service: a new idempotent
        // producer first needs a producer id and the topic's metadata, and the records it is given meanwhile waited
        // up to ~0.5 s before reaching the log. Measured from their CreateTime, that start-up was charged to the
        // pipeline (the first second of the paced run, and the start of the burst). The warm-up rounds use both.
        using var burstProducer = kafka.CreateProducer("bench-burst", c => c.LingerMs = 5);
        using var pacedProducer = kafka.CreateProducer("bench-paced", c => c.LingerMs = 0);
        Console.WriteLine($"bench stream ({(compute3D ? "2D + 3D KDE" : "2D KDE")}): {warmup.Count} per warm-up round + {burst.Count} + {paced.Count} catalogues ({catalogues.Average(c => c.Members.Count):F0} members on average), model {model.Name} {model.Version} on {model.DeviceName}, broker {kafka.Options.BootstrapServers}");

        // 0. Warm-up: a service runs for hours; JIT tiering and the consumer groups' first joins are not its steady state.
        // Rounds of the warm-up set (fresh ids each round) until the JIT is quiet: with 64-record batches, code that
        // runs once per batch needs dozens of batches before tiering promotes it, and that compilation took ~20 % of
        // the process CPU in a burst measured after a single 1,000-catalogue round.
        for (int round = 1; round <= MaxWarmupRounds && warmup.Count > 0; round++)
        {
            var roundCatalogues = warmup.Select(c => c with { ClusterId = $"{c.ClusterId}-w{round}" }).ToList();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
            var methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var roundClock = Stopwatch.StartNew();
            var warming = new PosteriorCollector(kafka, roundCatalogues.Select(c => c.ClusterId).ToHashSet());
            var warmingUp = warming.RunAsync(roundCatalogues.Count, cancellationToken);
            LoadGenerator.Produce(round % 2 == 1 ? pacedProducer : burstProducer, Topics.Catalogues, Encode(roundCatalogues), perSecond: 0, warming.CatalogueLogged);
            if (!await PosteriorWait.ArrivedAsync("bench stream", warming, warmingUp, roundCatalogues.Count, "warm-up")) return 1;
            var jit = System.Runtime.JitInfo.GetCompilationTime() - jitBefore;
            double jitShare = jit / roundClock.Elapsed;
            Console.WriteLine($"warm-up round {round}: {roundCatalogues.Count} catalogues in {roundClock.Elapsed.TotalSeconds:F1} s; JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore} methods in {jit.TotalMilliseconds:F0} ms ({jitShare:P0} of the round)");
            if (jitShare < QuietJitShare && round >= MinWarmupRounds) break;
        }

        // 1. Throughput: everything at once, first catalogue in the log to last posterior in the log (--clusters 0 skips it).
        var beforeBurst = WorkerStages.Snapshot();
        var burstIds = burst.Select(c => c.ClusterId).ToHashSet();
        double throughput = double.NaN;
        double cpuMsPerCatalogue = double.NaN;
        string burstConditions = "";
        List<Posterior> stages = [];
        if (burst.Count > 0)
        {
            var burstPayloads = Encode(burst);
            var collector = new PosteriorCollector(kafka, burstIds);
            var collecting = collector.RunAsync(burst.Count, cancellationToken);
            var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            using var burstTimeline = new RunTimeline();
            LoadGenerator.Produce(burstProducer, Topics.Catalogues, burstPayloads, perSecond: 0, collector.CatalogueLogged);
            if (!await PosteriorWait.ArrivedAsync("bench stream", collector, collecting, burst.Count, "burst")) return 1;
            burstTimeline.Stop();
            burstConditions = burstTimeline.Summary();
            // CPU time of the whole process (services, broker, load generator, collector) per catalogue: unlike the
            // wall-clock rate it does not depend on what else the machine runs.
            cpuMsPerCatalogue = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / burst.Count;
            var (first, last) = collector.Span(burstIds);
            throughput = burst.Count / (last - first).TotalSeconds;
            stages = collector.Posteriors().Where(p => burstIds.Contains(p.ObjectId)).ToList();
        }

        var burstStages = WorkerStages.Snapshot().Since(beforeBurst).ToList();

        // 2. Latency at a fixed offered load.
        var beforePaced = WorkerStages.Snapshot();
        var pacedPayloads = Encode(paced);
        var pacedIds = paced.Select(c => c.ClusterId).ToHashSet();
        var latencyCollector = new PosteriorCollector(kafka, pacedIds);
        var latencyCollecting = latencyCollector.RunAsync(paced.Count, cancellationToken);
        using var timeline = new RunTimeline();
        LoadGenerator.Produce(pacedProducer, Topics.Catalogues, pacedPayloads, rate, latencyCollector.CatalogueLogged);
        if (!await PosteriorWait.ArrivedAsync("bench stream", latencyCollector, latencyCollecting, paced.Count, "paced run")) return 1;
        timeline.Stop();
        var pacedStages = WorkerStages.Snapshot().Since(beforePaced).ToList();
        var latencies = latencyCollector.EndToEndLatenciesSeconds(pacedIds).Order().ToArray();

        // 3. Batched vs batch-1 inference on the images the path made.
        var images = Images(kafka, 512);
        var (batched, single) = InferenceRates(model, images);
        await app.StopAsync(CancellationToken.None);

        Console.WriteLine();
        Console.WriteLine($"throughput (burst of {burst.Count})        {throughput,8:F0} catalogues/s end to end");
        Console.WriteLine($"process CPU per catalogue (burst)  {cpuMsPerCatalogue,8:F2} ms   ({Environment.ProcessorCount} cores: at most {Environment.ProcessorCount * 1000 / cpuMsPerCatalogue:F0} catalogues/s)");
        if (burstConditions.Length > 0) Console.WriteLine($"machine during the burst             {burstConditions}");
        Console.WriteLine($"latency at {rate}/s offered for {seconds} s    p50 {Percentile(latencies, 0.5) * 1000,6:F0} ms   p99 {Percentile(latencies, 0.99) * 1000,6:F0} ms   ({latencies.Length} catalogues)");
        if (stages.Count > 0) Console.WriteLine($"stage means (burst)               queued {stages.Average(p => p.QueuedMs),7:F2} ms   features {stages.Average(p => p.FeaturesMs ?? 0),7:F2} ms   inference {stages.Average(p => p.InferenceMs),7:F3} ms per catalogue");
        Console.WriteLine("worker stages, burst:");
        burstStages.ForEach(line => Console.WriteLine("  " + line));
        Console.WriteLine($"worker stages, {rate}/s offered:");
        pacedStages.ForEach(line => Console.WriteLine("  " + line));
        Console.WriteLine($"machine during the {rate}/s run      {timeline.Summary()}");
        Console.WriteLine($"timeline at {rate}/s offered (by second the catalogue was sent):");
        timeline.Lines(latencyCollector.LoggedLatencies(pacedIds)).ToList().ForEach(line => Console.WriteLine("  " + line));
        Console.WriteLine($"inference on {model.DeviceName}, {images.Count} images       batched {batched,8:F0} images/s   batch-1 {single,8:F0} images/s   ratio {batched / single:F1}x");
        return 0;
    }

    private static List<ClusterCatalogue> MembersBetween(int count, ulong seed, int min, int max)
    {
        var selected = new List<ClusterCatalogue>(count);
        for (ulong round = 0; selected.Count < count; round++)
        {
            selected.AddRange(DemoSurvey.Generate(count * 2, seed + (round * 7919)).Where(c => c.Members.Count >= min && c.Members.Count <= max));
        }

        return selected.Take(count).Select((c, i) => c with { ClusterId = $"bench-{seed}-{i:D6}" }).ToList();
    }

    /// <summary>The catalogue records, encoded before any clock starts (in a deployment the ingest service does this elsewhere).</summary>
    private static List<(string ClusterId, byte[] Value)> Encode(List<ClusterCatalogue> catalogues)
    {
        var codec = new ClusterCatalogueCodec();
        return catalogues.Select(c => (c.ClusterId, codec.Encode(c))).ToList();
    }

    private static List<float[]> Images(KafkaClientFactory kafka, int count)
    {
        var codec = new PhaseSpaceFeaturesCodec();
        using var reader = kafka.CreateReader("bench-images");
        reader.Subscribe(Topics.PhaseSpaceFeatures);
        var images = new List<float[]>();
        while (images.Count < count && reader.Consume(TimeSpan.FromSeconds(5)) is { } record)
        {
            if (codec.Decode(record.Message.Value).Kde2D is { } image) images.Add([.. image]);
        }

        reader.Close();
        return images;
    }

    private static (double Batched, double Single) InferenceRates(IMassModel model, List<float[]> images)
    {
        var all = images.SelectMany(i => i).ToArray();
        model.Predict(all.AsSpan(0, model.InputLength), 1); // warm-up
        var clock = Stopwatch.StartNew();
        model.Predict(all, images.Count);
        double batched = images.Count / clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var image in images) model.Predict(image, 1);
        double single = images.Count / clock.Elapsed.TotalSeconds;
        return (batched, single);
    }

    private static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double position = q * (sorted.Length - 1);
        int low = (int)position;
        int high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}

/// <summary>The options of one `bench stream` run.</summary>
internal sealed record StreamBenchSettings(int Clusters, int Rate, int Seconds, ulong Seed, int Warmup, bool Compute3D, IReadOnlyList<string> HostArgs);
