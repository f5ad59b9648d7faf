using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Inference;
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

    // Load libtorch here rather than rely on another test class having done it first (a filtered run has none).
    public MomentMlpTests() => Native.TorchRuntime.EnsureLoaded();

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
        var (metrics, inputs, predictions) = TestMetrics(model, data, test);
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
    public void Whitening_gives_the_training_inputs_unit_covariance_and_drops_axes_without_variance()
    {
        var data = WithSumFeature(LinearFeatures(count: 600, seed: 7));
        int[] rows = [.. Enumerable.Range(0, data.Count)];
        var normalisation = Standardised(data, rows);
        var whitening = InputWhitening.Fit(data, normalisation, rows);

        // The fourth feature is the sum of the first two: three axes carry variance, the fourth only rounding.
        Assert.Equal(3, whitening.Axes);
        Assert.Equal(4, whitening.Features);
        Assert.True(whitening.Variances[0] >= whitening.Variances[1] && whitening.Variances[1] >= whitening.Variances[2]);
        var projected = rows.Select(r => Project(whitening, data.Input(r).ToArray(), normalisation)).ToArray();
        for (int a = 0; a < 3; a++)
        {
            Assert.Equal(0.0, projected.Average(y => y[a]), 3);
            for (int b = 0; b < 3; b++)
            {
                Assert.Equal(a == b ? 1.0 : 0.0, projected.Average(y => y[a] * y[b]), 3);
            }

            // Sign convention: the largest entry of every axis is positive, whatever the eigen-solver returns.
            var axis = whitening.Weight.AsSpan(a * 4, 4).ToArray();
            Assert.True(axis[Array.IndexOf(axis, axis.MaxBy(Math.Abs))] > 0);
        }

        Assert.Throws<ArgumentException>(() => InputWhitening.Fit(data, normalisation with { InputMean = null, InputStd = null }, rows));
    }

    [Fact]
    public void A_whitened_mlp_trains_behind_its_frozen_layer_and_round_trips_as_a_bundle()
    {
        var data = WithSumFeature(LinearFeatures(count: 900, seed: 5));
        var options = new TrainingOptions
        {
            MaxEpochs = 25, BatchSize = 64, LearningRate = 3e-3, Patience = 25, InputScale = 1, StandardiseInputs = true, WhitenInputs = true,
            IntraOpThreads = 1, Seed = 11, ProgressEverySteps = 1000,
        };
        var result = MomentTrainer.Train(data, NetworkSpec.Mlp(data.InputLength, data.ParameterCount, [32, 32], 0.0), options, CPU);
        using var model = result.Model;
        Assert.Equal(3, model.Spec.WhitenedInputs);

        // Training left the frozen layer as fitted on the training split.
        var fitted = InputWhitening.Fit(data, model.Normalisation, result.Split.Train);
        var layer = model.Network.state_dict()["whitening.weight"].cpu().data<float>().ToArray();
        Assert.Equal(fitted.Weight, layer);

        int[] test = result.Split.Test;
        var inputs = new float[test.Length * data.InputLength];
        data.GatherInputs(test, inputs);
        var predictions = model.Predict(inputs, test.Length);
        for (int p = 0; p < 2; p++)
        {
            double[] truth = [.. test.Select(i => (double)data.Target(i)[p])];
            double[] mean = [.. Enumerable.Range(0, test.Length).Select(i => predictions.MeanOf(i, p))];
            Assert.True(MathNet.Numerics.Statistics.Correlation.Pearson(truth, mean) > 0.9);
        }

        var card = ModelCard.FromTraining("toy-whitened-mlp", "1", "linear toy", data.ParameterNames, result, options);
        ModelBundle.Save(_folder, model, card);
        using var reloaded = ModelBundle.Load(_folder);
        Assert.Equal(3, reloaded.Model.Spec.WhitenedInputs);
        Assert.Contains("4 inputs PCA-whitened onto 3 axes", File.ReadAllText(Path.Combine(_folder, ModelBundle.MarkdownFileName)), StringComparison.Ordinal);
        var again = reloaded.Model.Predict(inputs, test.Length);
        for (int i = 0; i < test.Length; i++)
        {
            Assert.Equal(predictions.MeanOf(i, 1), again.MeanOf(i, 1), 5);
        }
    }

    [Fact]
    public void Whitening_is_refused_without_standardisation_and_outside_the_mlp()
    {
        Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => new TrainingOptions { WhitenInputs = true }.Validated());
        Assert.Throws<ArgumentException>(() => (NetworkSpec.Cnn2D() with { WhitenedInputs = 3 }).Validated());
        Assert.Throws<ArgumentException>(() => (NetworkSpec.Mlp(4, 2, [8], 0.0) with { WhitenedInputs = 5 }).Validated());
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

    [Fact]
    public void An_augmentation_rewrites_only_training_batches_and_the_network_learns_what_it_sees()
    {
        var data = LinearFeatures(count: 900, seed: 5);
        var augmentation = new ScrambleFirstFeature();
        var options = new TrainingOptions
        {
            MaxEpochs = 10, BatchSize = 64, LearningRate = 3e-3, Patience = 10, InputScale = 1, StandardiseInputs = true,
            IntraOpThreads = 1, Seed = 11, ProgressEverySteps = 1000, Augmentation = augmentation,
        };
        var result = MomentTrainer.Train(data, NetworkSpec.Mlp(data.InputLength, data.ParameterCount, [32, 32], 0.0), options, CPU);
        using var model = result.Model;

        Assert.Equal(result.History.Count * (result.Split.Train.Length / 64) * 64, augmentation.Rows.Count);
        Assert.Subset(result.Split.Train.ToHashSet(), augmentation.Rows.ToHashSet());

        // Training saw feature 0 as noise, so target a (which depends on it) is not learnt and b is; the stored test
        // inputs are untouched.
        var (metrics, _, _) = TestMetrics(model, data, result.Split.Test);
        Assert.InRange(metrics.PerParameter["a"].PearsonR, -0.5, 0.5);
        Assert.True(metrics.PerParameter["b"].PearsonR > 0.9, $"r(b) = {metrics.PerParameter["b"].PearsonR}");
    }

    /// <summary>Replaces feature 0 of every training sample by a uniform draw over its range, and records the rows.</summary>
    private sealed class ScrambleFirstFeature : IInputAugmentation
    {
        public List<int> Rows { get; } = [];

        public string Description => "feature 0 scrambled";

        public void Apply(ReadOnlySpan<int> rows, Span<float> inputs, Random random)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                Rows.Add(rows[i]);
                inputs[i * 3] = (float)((random.NextDouble() * 2e3) - 1e3);
            }
        }
    }

    /// <summary>The evaluator's metrics of <paramref name="model"/> on the <paramref name="test"/> rows (two parameters), with the inputs and predictions.</summary>
    private static (ModelMetrics Metrics, float[] Inputs, MomentPredictions Predictions) TestMetrics(MomentModel model, SampleDataset data, int[] test)
    {
        var inputs = new float[test.Length * data.InputLength];
        data.GatherInputs(test, inputs);
        var predictions = model.Predict(inputs, test.Length);
        double[][] truth = [.. Enumerable.Range(0, 2).Select(p => test.Select(i => (double)data.Target(i)[p]).ToArray())];
        double[][] mean = [.. Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, test.Length).Select(i => predictions.MeanOf(i, p)).ToArray())];
        double[][] sigma = [.. Enumerable.Range(0, 2).Select(p => Enumerable.Range(0, test.Length).Select(i => predictions.SigmaOf(i, p)).ToArray())];
        return (MomentEvaluator.Metrics("test", data.ParameterNames, truth, mean, sigma), inputs, predictions);
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

    /// <summary>Adds a fourth feature, the sum of the first two in standardised units: a direction without variance.</summary>
    private static SampleDataset WithSumFeature(SampleDataset data)
    {
        var inputs = new float[data.Count * 4];
        var targets = new float[data.Count * 2];
        for (int i = 0; i < data.Count; i++)
        {
            var x = data.Input(i);
            inputs[(i * 4) + 0] = x[0];
            inputs[(i * 4) + 1] = x[1];
            inputs[(i * 4) + 2] = x[2];
            inputs[(i * 4) + 3] = (float)((x[0] * 1e-3) + (x[1] * 1e3));
            data.Target(i).CopyTo(targets.AsSpan(i * 2, 2));
        }

        return new SampleDataset(inputs, targets, [.. Enumerable.Range(0, data.Count).Select(i => (long)i)], 4, data.ParameterNames);
    }

    private static ModelNormalisation Standardised(SampleDataset data, int[] rows)
    {
        double[] mean = [.. Enumerable.Range(0, data.InputLength).Select(f => rows.Average(r => (double)data.Input(r)[f]))];
        double[] std = [.. Enumerable.Range(0, data.InputLength).Select(f => Math.Sqrt(rows.Average(r => Math.Pow(data.Input(r)[f] - mean[f], 2))))];
        return new ModelNormalisation(1, false, 1e-3, [0.0, 0.0], [1.0, 1.0]) { InputMean = mean, InputStd = std };
    }

    private static double[] Project(InputWhitening whitening, float[] input, ModelNormalisation normalisation)
    {
        var y = new double[whitening.Axes];
        for (int a = 0; a < whitening.Axes; a++)
        {
            y[a] = whitening.Bias[a];
            for (int f = 0; f < whitening.Features; f++)
            {
                y[a] += whitening.Weight[(a * whitening.Features) + f] * ((input[f] - normalisation.InputMean![f]) / normalisation.InputStd![f]);
            }
        }

        return y;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
