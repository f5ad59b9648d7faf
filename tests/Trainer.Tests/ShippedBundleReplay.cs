using System.Globalization;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.PhaseSpace.Features;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// A shipped mass bundle's held-out test views made again: the first test haloes of its training-split.json simulated
/// afresh (deterministic per halo) and put through the production feature path, beside the predictions its
/// evaluate run recorded in predictions.csv for the same (halo, line of sight).
/// </summary>
internal static class ShippedBundleReplay
{
    /// <summary>The views found in predictions.csv, their network inputs back to back, and what evaluate recorded for each.</summary>
    public sealed record Views(IReadOnlyList<(int Halo, int LineOfSight)> Keys, float[] Inputs, IReadOnlyList<(double Truth, double Mean, double Sigma)> Recorded);

    /// <summary>models/<paramref name="name"/> in this repository.</summary>
    public static string ModelFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return Path.Combine(dir.FullName, "models", name);
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found");
    }

    /// <summary>
    /// The contaminated views of the first <paramref name="haloes"/> test haloes of the bundle in <paramref name="folder"/>,
    /// simulated with the default simulator and <paramref name="datasetSeed"/>; <paramref name="input"/> picks the
    /// network input (the 2D image or the 3D cube) from the features.
    /// </summary>
    public static Views Make(string folder, ulong datasetSeed, int haloes, PhaseSpaceFeatureOptions options, Func<PhaseSpaceFeatures, IReadOnlyList<float>?> input)
    {
        var split = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "training-split.json")));
        var testHaloes = split.RootElement.GetProperty("test_halo_ids").EnumerateArray().Select(e => e.GetInt32()).Take(haloes).ToList();
        var recorded = File.ReadLines(Path.Combine(folder, "predictions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[0] == "contaminated")
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture)),
                f => (Truth: Parse(f[3]), Mean: Parse(f[7]), Sigma: Parse(f[8])));

        var simulator = new MockCatalogueSimulator(new MockCatalogueOptions());
        var extractor = new PhaseSpaceFeatureExtractor(options);
        var inputs = new List<float>();
        var keys = new List<(int Halo, int LineOfSight)>();
        foreach (int halo in testHaloes)
        {
            foreach (var view in simulator.SimulateHalo(halo, datasetSeed).Contaminated)
            {
                if (!recorded.ContainsKey((view.HaloId, view.LineOfSight))) continue;
                var features = extractor.Extract(view.RProjMpcOverH, view.VLosKmPerS, view.XMpcOverH, view.YMpcOverH, view.Magnitude);
                Assert.True(features.Accepted, features.RejectionReason);
                inputs.AddRange(input(features)!);
                keys.Add((view.HaloId, view.LineOfSight));
            }
        }

        Assert.True(keys.Count >= haloes, $"only {keys.Count} views of {haloes} test haloes were found in predictions.csv");
        return new Views(keys, [.. inputs], [.. keys.Select(k => recorded[k])]);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
