using StreamProcessor.PhaseSpace.Features;
using StreamProcessor.PhaseSpace.Kde;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// The shipped 3D model (models/mass-cnn-3d) reproduces the predictions its card's metrics were computed from: a few
/// held-out test haloes are simulated again (deterministic per halo), their cubes made by the production feature path
/// with the default 3D grid, and every prediction must match evaluate's predictions.csv.
/// </summary>
public sealed class Shipped3DModelTests
{
    private const ulong DatasetSeed = 7; // trainer simulate --seed 7 --kde-3d (models/mass-cnn-3d/card.md)
    private const int SubsetHaloes = 8;

    /// <summary>Agreement asked of every recomputed mean and sigma, in dex (float32 kernels and folded batch norm).</summary>
    private const double Tolerance = 1e-4;

    [Fact]
    public void Shipped_3d_model_loads_and_reproduces_the_cards_test_predictions_from_production_cubes()
    {
        string folder = ShippedBundleReplay.ModelFolder("mass-cnn-3d");
        using var bundle = ModelBundle.Load(folder);
        Assert.Equal(NetworkSpec.Cnn3DId, bundle.Card.Architecture.ArchitectureId);
        Assert.NotNull(bundle.Card.Metrics);
        var views = ShippedBundleReplay.Make(folder, DatasetSeed, SubsetHaloes, new PhaseSpaceFeatureOptions { Grid3D = KdeGrid3D.Default }, f => f.Kde3D);

        var predictions = bundle.Model.Predict(views.Inputs, views.Keys.Count, maxBatch: 8);

        for (int i = 0; i < views.Keys.Count; i++)
        {
            Assert.Equal(views.Recorded[i].Mean, predictions.Mean[i], Tolerance);
            Assert.Equal(views.Recorded[i].Sigma, predictions.Sigma[i], Tolerance);
        }
    }
}
