using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.PhaseSpace.Features;
using StreamProcessor.PhaseSpace.Kde;
using StreamProcessor.Trainer.Data;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer;

/// <summary>
/// <c>trainer simulate</c>: mock catalogues (pure and contaminated, several lines of sight per halo) → KDE images
/// through the shared <see cref="PhaseSpaceFeatureExtractor"/> (the path the phase-space service uses, so there is no
/// train/serve skew) → <c>samples.bin</c> + <c>manifest.json</c>. Deterministic from the seed: halo i draws from its
/// own random stream, and samples are written in halo order whatever the thread count.
/// </summary>
internal static class SimulateCommand
{
    private const int ChunkHaloes = 256;

    internal static Command Create()
    {
        var haloes = new Option<int>("--haloes") { Description = "Number of haloes (mass flat in log M over 13.5-15.3, z uniform in 0.03-1.1).", DefaultValueFactory = _ => 10000 };
        var seed = new Option<ulong>("--seed") { Description = "Simulator seed.", DefaultValueFactory = _ => 1UL };
        var output = new Option<DirectoryInfo>("--out") { Description = "Dataset folder to (over)write.", Required = true };
        var linesOfSight = new Option<int>("--lines-of-sight") { Description = "Axis-aligned lines of sight per halo (1-3).", DefaultValueFactory = _ => 3 };
        var signFlips = new Option<bool>("--sign-flips") { Description = "Also store each view with v_los -> -v_los (Ho+2019 augmentation)." };
        var kde3D = new Option<bool>("--kde-3d") { Description = "Also write 50^3 (x, y, v_los) cubes to images3d.bin (500 kB per sample)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (-1: all cores).", DefaultValueFactory = _ => -1 };
        var lowRedshift = new Option<bool>("--low-redshift")
        {
            Description = "The earlier SDSS-like configuration (z 0.03-0.15, r < 17.77, no cap on spectra) instead of the wide 0.03-1.1 default (SZ follow-up: i < 22.5, 15-60 spectra per cluster).",
        };
        var command = new Command("simulate", "Simulate mock clusters and write their 2D KDE phase-space images as a training dataset.")
        {
            haloes, seed, output, linesOfSight, signFlips, kde3D, threads, lowRedshift,
        };
        command.SetAction((parse, _) => RunAsync(
            new SimulateRequest(parse.GetValue(haloes), parse.GetValue(seed), parse.GetValue(output)!.FullName,
                parse.GetValue(linesOfSight), parse.GetValue(signFlips), parse.GetValue(kde3D), parse.GetValue(threads), parse.GetValue(lowRedshift)),
            System.Console.Out));
        return command;
    }

    internal static async Task<int> RunAsync(SimulateRequest request, TextWriter log)
    {
        DatasetManifest manifest = await ProgressConsole.Run("simulate", request.HaloCount, log, sink => Simulate(request, sink));
        log.WriteLine($"simulate: {manifest.HaloCount} haloes -> {manifest.ContaminatedSamples} contaminated + {manifest.PureSamples} pure images " +
                      $"in {manifest.ElapsedSeconds:F1} s; rejected {manifest.RejectedByReason.Values.Sum()}; wrote {request.OutputDirectory}");
        return 0;
    }

    internal static DatasetManifest Simulate(SimulateRequest request, ProgressSink sink)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.HaloCount);
        MockCatalogueOptions configuration = request.LowRedshift ? MockCatalogueOptions.SdssLowRedshift : new MockCatalogueOptions();
        var mockOptions = (configuration with { LinesOfSight = request.LinesOfSight, AddVelocitySignFlips = request.SignFlips }).Validated();
        var featureOptions = new PhaseSpaceFeatureOptions { Grid3D = request.Kde3D ? KdeGrid3D.Default : null };
        var simulator = new MockCatalogueSimulator(mockOptions);
        Directory.CreateDirectory(request.OutputDirectory);
        var clock = Stopwatch.StartNew();

        KdeGrid2D grid = featureOptions.Grid2D;
        using var writer = new DatasetFile.Writer(Path.Combine(request.OutputDirectory, DatasetFile.SamplesFileName), grid.VelocityBins, grid.RadiusBins);
        using FileStream? cubes = request.Kde3D ? File.Create(Path.Combine(request.OutputDirectory, CubeFile.FileName)) : null;
        using var extractors = new ThreadLocal<PhaseSpaceFeatureExtractor>(() => new PhaseSpaceFeatureExtractor(featureOptions));
        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int pure = 0;
        int contaminated = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = request.Threads };
        for (int start = 0; start < request.HaloCount; start += ChunkHaloes)
        {
            int count = Math.Min(ChunkHaloes, request.HaloCount - start);
            var results = new HaloViews[count];
            Parallel.For(0, count, parallel, i => results[i] = Views(simulator.SimulateHalo(start + i, request.Seed), extractors.Value!));
            foreach (HaloViews views in results)
            {
                foreach ((DatasetSample sample, float[]? cube) in views.Samples)
                {
                    writer.Write(sample);
                    if (cubes is not null && cube is not null) cubes.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(cube.AsSpan()));
                    if (sample.Contaminated) contaminated++;
                    else pure++;
                }
                foreach (string reason in views.Rejections)
                {
                    rejected[reason] = rejected.GetValueOrDefault(reason) + 1;
                }
            }
            sink.Report(start + count, $"haloes; {contaminated} contaminated + {pure} pure images");
        }

        var manifest = new DatasetManifest
        {
            Seed = request.Seed,
            HaloCount = request.HaloCount,
            LinesOfSight = request.LinesOfSight,
            SignFlips = request.SignFlips,
            ImageRows = grid.VelocityBins,
            ImageColumns = grid.RadiusBins,
            HasKde3D = request.Kde3D,
            PureSamples = pure,
            ContaminatedSamples = contaminated,
            RejectedByReason = rejected,
            SimulatorOptions = JsonSerializer.SerializeToNode(mockOptions) ?? new JsonObject(),
            FeatureOptions = JsonSerializer.SerializeToNode(featureOptions) ?? new JsonObject(),
            ElapsedSeconds = clock.Elapsed.TotalSeconds,
        };
        manifest.Save(request.OutputDirectory);
        return manifest;
    }

    /// <summary>Every accepted view of one halo (contaminated first, then pure), and why the others were rejected.</summary>
    private static HaloViews Views(HaloDraw draw, PhaseSpaceFeatureExtractor extractor)
    {
        var samples = new List<(DatasetSample, float[]?)>();
        var rejections = new List<string>();
        foreach (ProjectedCluster cluster in draw.Contaminated) Add(cluster, contaminated: true);
        foreach (ProjectedCluster cluster in draw.Pure) Add(cluster, contaminated: false);
        return new HaloViews(samples, rejections);

        void Add(ProjectedCluster cluster, bool contaminated)
        {
            PhaseSpaceFeatures features = extractor.Extract(cluster.RProjMpcOverH, cluster.VLosKmPerS, cluster.XMpcOverH, cluster.YMpcOverH, cluster.Magnitude);
            if (!features.Accepted || features.Kde2D is null)
            {
                // Keep the reason's category only (its numbers differ per cluster) so the manifest stays short.
                string reason = features.RejectionReason ?? "rejected";
                rejections.Add(reason.Contains("members are required", StringComparison.Ordinal) ? "too few members after limits" : reason.Split(':')[0]);
                return;
            }
            var kept = extractor.Options.Limits.Apply(cluster.RProjMpcOverH, cluster.VLosKmPerS, cluster.Magnitude).KeptIndices;
            int interlopers = kept.Count(i => cluster.IsInterloper[i]);
            samples.Add((new DatasetSample
            {
                HaloId = draw.HaloId,
                LineOfSight = cluster.LineOfSight,
                VelocitySignFlipped = cluster.VelocitySignFlipped,
                Contaminated = contaminated,
                Richness = features.MembersKept,
                InterloperCount = interlopers,
                Log10M200c = cluster.Log10M200c,
                Redshift = cluster.Redshift,
                SigmaLosKmPerS = features.SigmaLosKmPerS,
                Log10MVirial = VirialLog10Mass(features),
                Image = features.Kde2D,
                MemberRProjMpcOverH = features.RProjMpcOverH,
                MemberVLosKmPerS = features.VLosKmPerS,
            }, features.Kde3D));
        }
    }

    /// <summary>Heisler, Tremaine &amp; Bahcall (1985) virial mass of the kept galaxies; NaN where two coincide in projection.</summary>
    private static double VirialLog10Mass(PhaseSpaceFeatures features)
    {
        try
        {
            return Math.Log10(VirialMassEstimator.MassMsunOverH(features.XMpcOverH, features.YMpcOverH, features.VLosKmPerS));
        }
        catch (ArgumentException)
        {
            return double.NaN;
        }
    }

    private sealed record HaloViews(IReadOnlyList<(DatasetSample Sample, float[]? Cube)> Samples, IReadOnlyList<string> Rejections);
}
