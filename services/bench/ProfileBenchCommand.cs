using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Hosting;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Kafka;
using StreamProcessor.PipelineHost;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Bench;

/// <summary>
/// `bench profiles`: the profile-inference service on the embedded broker, end to end through the shared worker
/// (profiles → posteriors.params, records/s over a burst), and batched vs batch-1 throughput of its model, in one run.
/// Without a trained bundle at --model it times a freshly initialised MLP of the shipped model's shape, and says so.
/// </summary>
internal static class ProfileBenchCommand
{
    /// <summary>CAMELS-zoomGZ28 radial bins: 30 centres 0.1 dex apart from 11.22 kpc (../shared/data/camels-zoomgz28/README.md).</summary>
    private static readonly double[] CamelsRadiiMpcOverH =
        [.. Enumerable.Range(0, 30).Select(k => ProfileFeatures.KpcToMpcOverH(Math.Pow(10, 1.05 + (0.1 * k))))];

    /// <summary>The fallback's shape: the trainer's default kinds and MLP (3 blocks of 256), 28 parameters like CAMELS-zoomGZ28.</summary>
    private static readonly ProfileLayout FallbackLayout = new(
        [ProfileKind.GasDensity, ProfileKind.GasTemperature, ProfileKind.GasMetallicity, ProfileKind.XraySurfaceBrightness], CamelsRadiiMpcOverH, IncludeLog10HaloMass: true);

    private const int FallbackParameters = 28;
    private const int InferenceSample = 512;
    private const int WarmupRounds = 2;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model bundle folder (weights, card.json, profile-layout.json).", DefaultValueFactory = _ => new StreamProcessor.ProfileInference.ProfileInferenceOptions().ModelPath };
        var profiles = new Option<int>("--profiles") { Description = "Stacked profiles in the measured burst.", DefaultValueFactory = _ => 3000 };
        var warmup = new Option<int>("--warmup") { Description = $"Profiles per warm-up round ({WarmupRounds} rounds: JIT, pools, group joins).", DefaultValueFactory = _ => 1000 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda (TorchDevices.Select).", DefaultValueFactory = _ => "auto" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the demo profiles.", DefaultValueFactory = _ => 5UL };
        var emulator = new Option<string>("--emulator")
        {
            Description = "Emulator folder: its stacks are the load (in the model's domain) and its predictions/s are measured; β-model demo profiles when absent.",
            DefaultValueFactory = _ => "models/profile-emulator",
        };
        var command = new Command("profiles", "profile-inference records/s end to end on the embedded broker; batched vs batch-1 inference of the profile model; emulator predictions/s.")
        {
            model, profiles, warmup, device, seed, emulator,
        };
        // Anything else is configuration for the hosted service, e.g. --Worker:profile-inference:MaxBatchSize=64.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, token) => RunAsync(parse.GetRequiredValue(model), parse.GetValue(profiles), parse.GetValue(warmup), parse.GetRequiredValue(device),
            parse.GetValue(seed), parse.GetRequiredValue(emulator), [.. parse.UnmatchedTokens], token));
        return command;
    }

    private static async Task<int> RunAsync(
        string modelPath, int burstCount, int warmupCount, string device, ulong seed, string emulatorPath, string[] hostArgs, CancellationToken cancellationToken)
    {
        var emulator = EmulatorBench.TryLoad(emulatorPath);
        using var fallback = BundleFolder(modelPath);
        var layout = ProfileLayoutFile.Read(fallback.Folder);
        // As services/profile-inference/appsettings.json configures the worker.
        string[] args =
        [
            "--metrics-url", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Worker:profile-inference:MaxBatchSize=256",
            $"--ProfileInference:ModelPath={fallback.Folder}", $"--ProfileInference:Device={device}", .. hostArgs,
        ];
        var builder = ServiceDefaults.CreateServiceBuilder(args);
        builder.AddServiceDefaults(args).AddCodecs().AddProfileInference();
        await using var app = builder.Build();
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        var model = app.Services.GetRequiredService<IProfileModel>();
        var codec = new StackedProfileCodec();
        int total = (WarmupRounds * warmupCount) + burstCount;
        IReadOnlyList<Contracts.Messages.StackedProfile> all = emulator is null
            ? DemoProfiles.Generate(total, layout.RadiiMpcOverH, seed, "bench")
            : EmulatedProfileStacks.Generate(emulator, total, seed, noiseFraction: 0.1, survey: "bench").Select(s => s.Profile).ToList();
        var payloads = all.Select(p => (p.ProfileId, codec.Encode(p))).ToList();
        Console.WriteLine($"bench profiles: model {model.Name} {model.Version} on {model.DeviceName}{fallback.Note}; {layout.Kinds.Count} kinds x {layout.RadiiMpcOverH.Count} radii" +
            $"{(layout.IncludeLog10HaloMass ? " + log10 M" : "")}{(layout.IncludeLog10StackedObjects ? " + log10 stacked objects" : "")} -> {model.ParameterNames.Count} parameters; {WarmupRounds} x {warmupCount} warm-up + {burstCount} profiles " +
            $"({payloads.Average(p => p.Item2.Length) / 1024:F1} KiB each), broker {kafka.Options.BootstrapServers}");

        using var producer = kafka.CreateProducer("bench-profiles", c => c.LingerMs = 5);
        for (int round = 0; round <= WarmupRounds; round++)
        {
            bool measured = round == WarmupRounds;
            var chunk = payloads.Skip(round * warmupCount).Take(measured ? burstCount : warmupCount).ToList();
            if (chunk.Count == 0) continue;
            var keys = chunk.Select(c => c.ProfileId).ToHashSet();
            var collector = new PosteriorCollector(kafka, keys, Topics.ParameterPosteriors);
            var collecting = collector.RunAsync(chunk.Count, cancellationToken);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            LoadGenerator.Produce(producer, Topics.Profiles, chunk, perSecond: 0, collector.CatalogueLogged);
            if (!await PosteriorWait.ArrivedAsync("bench profiles", collector, collecting, chunk.Count, measured ? "burst" : "warm-up")) return 1;
            var (first, last) = collector.Span(keys);
            double seconds = (last - first).TotalSeconds;
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / chunk.Count;
            var posteriors = collector.Posteriors();
            Console.WriteLine($"{(measured ? "burst" : $"warm-up round {round + 1}"),-16} {chunk.Count,6} profiles in {seconds,6:F2} s: {chunk.Count / seconds,8:F0} profiles/s end to end; " +
                $"process CPU {cpuMs:F2} ms per profile; {posteriors.Count(p => p.OutOfDistribution)} flagged out of distribution; " +
                $"inference {posteriors.Average(p => p.InferenceMs):F3} ms per profile (batch share)");
        }

        var (batched, single) = InferenceRates(model, all.Take(InferenceSample).ToList());
        await app.StopAsync(CancellationToken.None);
        Console.WriteLine($"inference on {model.DeviceName}, {InferenceSample} profiles: batched {batched,8:F0} profiles/s, batch-1 {single,8:F0} profiles/s, ratio {batched / single:F1}x");
        if (emulator is not null)
        {
            EmulatorBench.Report(emulator, Console.Out);
        }

        return 0;
    }

    /// <summary>Profiles per second through the model in one batch and one at a time, on the same feature vectors.</summary>
    private static (double Batched, double Single) InferenceRates(IProfileModel model, IReadOnlyList<Contracts.Messages.StackedProfile> profiles)
    {
        var extractor = new ProfileFeatureExtractor(model.Layout, model.FeatureDomain);
        int length = model.Layout.FeatureCount;
        float[] features = [.. profiles.SelectMany(p => ((ProfileExtraction.Extracted)extractor.Extract(p)).Values.Select(v => (float)v))];
        return BatchedInferenceRates.Measure((x, n) => model.Predict(x, n), features, profiles.Count, length, batchedRepeats: 10);
    }

    /// <summary>The bundle at <paramref name="modelPath"/>, or an untrained one of the shipped shape in a temporary folder.</summary>
    private static BenchBundle BundleFolder(string modelPath)
    {
        try
        {
            return new BenchBundle(ModelFolder.Resolve(modelPath), null);
        }
        catch (FileNotFoundException)
        {
            string folder = Directory.CreateTempSubdirectory("bench-profile-bundle-").FullName;
            ParameterDefinition[] parameters =
                [.. Enumerable.Range(0, FallbackParameters).Select(i => new ParameterDefinition($"param_{i:D2}", "dimensionless", 0, 1, false, "untrained", "placeholder"))];
            UntrainedProfileBundle.Save(folder, FallbackLayout, parameters, hiddenWidths: [256, 256, 256], seed: 1);
            return new BenchBundle(folder,
                $" (no trained bundle at '{modelPath}': a freshly initialised MLP of the shipped shape, 3 x 256, {FallbackParameters} parameters; its timings hold, its posteriors mean nothing)");
        }
    }

    /// <summary>The bundle folder used; a temporary fallback is deleted on dispose.</summary>
    private sealed record BenchBundle(string Folder, string? Fallback) : IDisposable
    {
        public string Note => Fallback ?? "";

        public void Dispose()
        {
            if (Fallback is not null) Directory.Delete(Folder, recursive: true);
        }
    }
}
