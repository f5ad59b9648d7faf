using System.Globalization;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.PhaseSpace.Features;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// The shipped model reproduces the predictions its card's metrics were computed from: a fixed subset of the
/// held-out test haloes is simulated again (deterministic per halo), imaged through the production feature path,
/// and scored; every prediction and the subset's scatter and bias must match evaluate's predictions.csv.
/// </summary>
public sealed class ShippedModelTests
{
    private const ulong DatasetSeed = 1; // trainer simulate --seed 1 (models/mass-cnn-2d/card.md)
    private const int SubsetHaloes = 30;

    /// <summary>Agreement asked of every recomputed mean and sigma with the card's predictions, in dex.</summary>
    private const double Tolerance = 1e-4;

    [Fact]
    public void Shipped_model_loads_and_reproduces_the_cards_test_predictions_on_a_fixed_subset()
    {
        string folder = Path.Combine(RepositoryRoot(), "models", "mass-cnn-2d");
        using var bundle = ModelBundle.Load(folder);
        Assert.NotNull(bundle.Card.Metrics);
        var split = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "training-split.json")));
        var testHaloes = split.RootElement.GetProperty("test_halo_ids").EnumerateArray().Select(e => e.GetInt32()).Take(SubsetHaloes).ToList();
        var recorded = File.ReadLines(Path.Combine(folder, "predictions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[0] == "contaminated")
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture)),
                f => (Truth: Parse(f[3]), Mean: Parse(f[7]), Sigma: Parse(f[8])));

        var simulator = new MockCatalogueSimulator(new MockCatalogueOptions());
        var extractor = new PhaseSpaceFeatureExtractor(new PhaseSpaceFeatureOptions());
        var images = new List<float>();
        var keys = new List<(int Halo, int LineOfSight)>();
        foreach (int halo in testHaloes)
        {
            foreach (var view in simulator.SimulateHalo(halo, DatasetSeed).Contaminated)
            {
                if (!recorded.ContainsKey((view.HaloId, view.LineOfSight))) continue;
                var features = extractor.Extract(view.RProjMpcOverH, view.VLosKmPerS, view.XMpcOverH, view.YMpcOverH, view.Magnitude);
                Assert.True(features.Accepted, features.RejectionReason);
                images.AddRange(features.Kde2D!);
                keys.Add((view.HaloId, view.LineOfSight));
            }
        }

        var predictions = bundle.Model.Predict(images.ToArray(), keys.Count);

        Assert.True(keys.Count >= SubsetHaloes, $"only {keys.Count} views of {SubsetHaloes} test haloes were found in predictions.csv");
        var residualsNow = new List<double>();
        var residualsCard = new List<double>();
        for (int i = 0; i < keys.Count; i++)
        {
            var row = recorded[keys[i]];
            // A tolerance, not rounding to 4 places: inference folds batch norm into the convolutions, which moves the
            // outputs by float rounding (~1e-7 dex), and rounding would flip on a value that straddles a 5e-5 boundary.
            Assert.Equal(row.Mean, predictions.Mean[i], Tolerance);
            Assert.Equal(row.Sigma, predictions.Sigma[i], Tolerance);
            residualsNow.Add(predictions.Mean[i] - row.Truth);
            residualsCard.Add(row.Mean - row.Truth);
        }

        Assert.Equal(residualsCard.Average(), residualsNow.Average(), Tolerance);
        Assert.Equal(StandardDeviation(residualsCard), StandardDeviation(residualsNow), Tolerance);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found");
    }
}
