using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// The feature-vector branch of the one framework: an MLP moment network trained by the same trainer on unlike
/// inputs (standardised per feature), saved and reloaded as a bundle, evaluated by the same evaluator.
/// </summary>
public sealed class MomentMlpTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"mlp-bundle-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void The_spec_builds_blocks_of_the_given_widths_and_outputs_means_and_positive_sigmas()
    {
        var spec = NetworkSpec.Mlp(inputFeatures: 7, parameterCount: 3, hiddenWidths: [16, 8], dropoutProbability: 0.1);
        Assert.Equal([7], spec.InputShape);
        using var network = spec.CreateNetwork();
        Assert.IsType<MomentMlp>(network);
        network.eval();
        using var output = network.forward(randn(5, 7));
        Assert.Equal([5L, 6L], output.shape);
        var (_, sigma) = MomentNetwork.SplitMoments(output, 3);
        Assert.True(sigma.min().item<float>() > 0);
        // 7*16+16 + 16*8+8 + 8*6+6 weights.
        Assert.Equal((7 * 16) + 16 + (16 * 8) + 8 + (8 * 6) + 6, network.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void An_mlp_spec_without_widths_is_refused()
    {
        Assert.Throws<ArgumentException>(() => (new NetworkSpec(NetworkSpec.MlpId, 2, 0, 0.1, 1e-3) { InputFeatures = 4 }).Validated());
        Assert.Throws<ArgumentException>(() => NetworkSpec.Mlp(4, 2, [0], 0.1).Validated());
    }

    [Fact]
    public void Trains_on_unlike_features_round_trips_as_a_bundle_and_evaluates_per_parameter()
    {
        var data = LinearFeatures(count: 900, seed: 5);
        var options = new TrainingOptions
        {
            MaxEpochs = 25, BatchSize = 64, LearningRate = 3e-3, Patience = 25, InputScale = 1, StandardiseInputs = true,
            IntraOpThreads = 1, Seed = 11, ProgressEverySteps = 1000,
        };
        var spec = NetworkSpec.Mlp(data.InputLength, data.ParameterCount, [32, 32], 0.0);
        var result = MomentTrainer.Train(data, spec, options, CPU);
        using var model = result.Model;
        Assert.NotNull(model.Normalisation.InputMean);

        // The features differ in scale by 1e6; without standardisation one of them would dominate.
        int[] test = result.Split.Test;
        var inputs = new float[test.Length * data.InputLength];
        data.GatherInputs(test, inputs);
        var predictions = model.Predict(inputs, test.Length);
        double[][] truth = [.. Enumerable.Range(0, 2).Select(p => test.Select(i => (double)data.Target(i)[p]).ToArray())];
        double[][] mean = [.. Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, test.Length).Select(i => predictions.MeanOf(i, p)).ToArray())];
        double[][] sigma = [.. Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, test.Length).Select(i => predictions.SigmaOf(i, p)).ToArray())];
        var metrics = MomentEvaluator.Metrics("test", data.ParameterNames, truth, mean, sigma);
        // Each target is a noiseless linear function of the features plus 5 % of its spread in noise, so a trained
        // network's r is far above what a half-trained one reaches; 0.9 leaves room for any CPU's rounding.
        Assert.All(metrics.PerParameter.Values, m => Assert.True(m.PearsonR > 0.9, $"r = {m.PearsonR}"));
        Assert.All(metrics.PerParameter.Values, m => Assert.InRange(m.Coverage95!.Value, m.Coverage68, 1.0));

        var card = ModelCard.FromTraining("toy-mlp", "1", "linear toy", data.ParameterNames, result, options) with
        {
            Parameters = [new("a", "none", -3, 3, false, "cosmological", "toy a"), new("b", "none", -3, 3, false, "astrophysical", "toy b")],
            Metrics = metrics,
        };
        ModelBundle.Save(_folder, model, card);
        using var reloaded = ModelBundle.Load(_folder);
        var again = reloaded.Model.Predict(inputs, test.Length);
        for (int i = 0; i < test.Length; i++)
        {
            Assert.Equal(predictions.MeanOf(i, 0), again.MeanOf(i, 0), 5);
        }

        Assert.Equal(2, reloaded.Card.Parameters!.Count);
        Assert.Contains("hidden widths 32-32", File.ReadAllText(Path.Combine(_folder, ModelBundle.MarkdownFileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_feature_domain_flags_inputs_with_too_many_features_outside()
    {
        var domain = new FeatureDomain(["f0", "f1", "f2"], [new(0, 1), new(0, 1), new(0, 1)], MaxFeaturesOutside: 1);
        Assert.Empty(domain.Violations([0.5, 0.5, 0.5]));
        Assert.Empty(domain.Violations([0.5, 2, 0.5]));
        var reasons = domain.Violations([-1, 2, 0.5]);
        Assert.Single(reasons);
        Assert.Contains("2 of 3 features", reasons[0], StringComparison.Ordinal);
        Assert.NotEmpty(domain.Violations([0.5, 0.5]));
    }

    /// <summary>Two targets, each a linear function of three features of very different scales, plus small noise.</summary>
    private static SampleDataset LinearFeatures(int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * 3];
        var targets = new float[count * 2];
        for (int i = 0; i < count; i++)
        {
            double x0 = random.NextDouble() * 2 - 1;
            double x1 = random.NextDouble() * 2 - 1;
            double x2 = random.NextDouble() * 2 - 1;
            inputs[(i * 3) + 0] = (float)(x0 * 1e3);
            inputs[(i * 3) + 1] = (float)(x1 * 1e-3);
            inputs[(i * 3) + 2] = (float)x2;
            targets[(i * 2) + 0] = (float)(x0 + (0.5 * x1) + (0.05 * Gaussian(random)));
            targets[(i * 2) + 1] = (float)(x2 - x1 + (0.05 * Gaussian(random)));
        }

        return new SampleDataset(inputs, targets, [.. Enumerable.Range(0, count).Select(i => (long)i)], 3, ["a", "b"]);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
