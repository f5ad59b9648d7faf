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
        string folder = ShippedBundleReplay.ModelFolder("mass-cnn-2d");
        using var bundle = ModelBundle.Load(folder);
        Assert.NotNull(bundle.Card.Metrics);
        var views = ShippedBundleReplay.Make(folder, DatasetSeed, SubsetHaloes, new PhaseSpaceFeatureOptions(), f => f.Kde2D);

        var predictions = bundle.Model.Predict(views.Inputs, views.Keys.Count);

        var residualsNow = new List<double>();
        var residualsCard = new List<double>();
        for (int i = 0; i < views.Keys.Count; i++)
        {
            var row = views.Recorded[i];
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

    private static double StandardDeviation(List<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
