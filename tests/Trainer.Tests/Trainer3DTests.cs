using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// <c>train --architecture 3d</c> on a few haloes simulated with cubes (1 step): a loadable 3D bundle whose card says
/// so and whose image domain is that of the cube; then <c>evaluate --compare-with</c> a 2D bundle trained on the same
/// data and split. Plumbing only: no value of one training trajectory is asserted.
/// </summary>
public sealed class Trainer3DTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trainer-3d-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Train_3d_writes_a_loadable_cube_bundle_and_evaluate_compares_it_with_2d_on_the_same_views()
    {
        string data = Path.Combine(_root, "data");
        string model3D = Path.Combine(_root, "model-3d");
        string model2D = Path.Combine(_root, "model-2d");
        var log = new StringWriter();
        Assert.Equal(0, await SimulateCommand.RunAsync(new SimulateRequest(40, 7, data, 2, SignFlips: false, Kde3D: true, Threads: -1), log));
        TrainRequest Request(string folder, InputArchitecture architecture) => new(
            data, folder, Epochs: 1, BatchSize: 8, Seed: 3, Device: "cpu", Patience: 1, LearningRate: 1e-3, MaxStepsPerEpoch: 1, BaseChannels: 2, Threads: 1, architecture);

        Assert.Equal(0, await TrainCommand.RunAsync(Request(model3D, InputArchitecture.Cube3D), log));
        Assert.Equal(0, await TrainCommand.RunAsync(Request(model2D, InputArchitecture.Image2D), log));

        using (var bundle = ModelBundle.Load(model3D, TorchSharp.torch.CPU))
        {
            Assert.Equal("dynamical-mass-cnn-3d", bundle.Card.ModelName);
            Assert.StartsWith("dynamical-mass-cnn-3d-seed3-data7-", bundle.Card.ModelVersion);
            Assert.Equal(NetworkSpec.Cnn3DId, bundle.Card.Architecture.ArchitectureId);
            Assert.Equal([1, 50, 50, 50], bundle.Card.InputShape);
            Assert.Equal(ModelInputs.CubeLength, bundle.Model.InputLength);
            Assert.Contains("50x50x50 (x, y, v_los) KDE cubes", bundle.Card.TrainingData);
            // The image domain is the cube's: each sums to 1, and its peak over the mean voxel is far above a 48x48 image's.
            Assert.InRange(bundle.Card.TrainingDomain!.ImageTotal.Min, 0.999, 1.001);
            Assert.InRange(bundle.Card.TrainingDomain.ImageTotal.Max, 0.999, 1.001);
        }

        Assert.Equal(0, await EvaluateCommand.RunAsync(new EvaluateRequest(model3D, data, "cpu", [model2D]), log));

        ModelCard card = ModelBundle.ReadCard(model3D);
        string text = log.ToString();
        Assert.Contains("CNN-3D", text);
        Assert.Contains("compare: model-2d", text);
        Assert.Contains("trained on this dataset (seed 7) with the same halo split: test haloes unseen", text);
        Assert.Contains(card.Metrics!.Baselines!.Keys, k => k.StartsWith("vs_model-2d_contaminated_zall_", StringComparison.Ordinal));
        Assert.Contains("contaminated_14.0_15.0_CNN-3D_scatter_dex", card.Metrics.Baselines.Keys);
        string markdown = File.ReadAllText(Path.Combine(model3D, ModelBundle.MarkdownFileName));
        Assert.Contains("## Comparison on the same test views", markdown);
        Assert.True(new FileInfo(Path.Combine(model3D, "plots", "comparison_scatter_by_redshift.png")).Length > 1000);
    }

    [Fact]
    public async Task Train_3d_on_a_dataset_without_cubes_says_to_simulate_with_kde_3d()
    {
        string data = Path.Combine(_root, "data-2d");
        var log = new StringWriter();
        Assert.Equal(0, await SimulateCommand.RunAsync(new SimulateRequest(20, 7, data, 1, SignFlips: false, Kde3D: false, Threads: -1), log));

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => TrainCommand.RunAsync(
            new TrainRequest(data, Path.Combine(_root, "model"), 1, 8, 3, "cpu", 1, 1e-3, 1, 2, 1, InputArchitecture.Cube3D), log));
        Assert.Contains("--kde-3d", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
