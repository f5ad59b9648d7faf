using MathNet.Numerics.Distributions;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Posterior;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

/// <summary>
/// The full-posterior estimator: its loss and mixture arithmetic against closed forms, a bimodal posterior that a
/// Gaussian moment posterior cannot represent, and the head travelling in a bundle beside an unchanged network.
/// </summary>
[Collection(TrainedModelCollection.Name)]
public sealed class PosteriorHeadTests(TrainedModelFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("posterior-head-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_loss_of_a_single_component_is_the_gaussian_negative_log_density()
    {
        TorchRuntime.EnsureLoaded();
        using var logWeights = zeros(3, 1);
        using var means = tensor(new float[] { 0.5f, -1f, 2f }, [3, 1, 1]);
        using var sigmas = tensor(new float[] { 1f, 0.3f, 2.5f }, [3, 1, 1]);
        using var y = tensor(new float[] { 0.1f, -0.7f, 5f }, [3, 1]);
        using var loss = MixtureLoss.Compute(logWeights, means, sigmas, y);
        double expected = -new[] { Normal.PDFLn(0.5, 1, 0.1), Normal.PDFLn(-1, 0.3, -0.7), Normal.PDFLn(2, 2.5, 5) }.Average();
        Assert.Equal(expected, loss.item<double>(), 5);
    }

    [Fact]
    public void Mixture_quantiles_invert_its_cdf_and_a_single_component_is_the_normal()
    {
        var single = new GaussianMixture([1.0], [14.2], [0.15]);
        Assert.Equal(Normal.InvCDF(14.2, 0.15, 0.16), single.Quantile(0.16), 9);
        Assert.Equal(Normal.PDFLn(14.2, 0.15, 14.5), single.LogDensity(14.5), 9);

        var bimodal = new GaussianMixture([3, 1], [-1, 2], [0.3, 0.5]);
        Assert.Equal(0.75 * -1 + 0.25 * 2, bimodal.Mean, 12);
        double second = (0.75 * (0.09 + 1)) + (0.25 * (0.25 + 4));
        Assert.Equal(Math.Sqrt(second - (bimodal.Mean * bimodal.Mean)), bimodal.StandardDeviation, 12);
        foreach (double level in new[] { 0.025, 0.16, 0.5, 0.84, 0.975 })
        {
            Assert.Equal(level, bimodal.Cdf(bimodal.Quantile(level)), 9);
        }

        var random = new Random(4);
        double sampleMean = Enumerable.Range(0, 20000).Select(_ => bimodal.Sample(random)).Average();
        // Standard error of the mean of 20,000 draws: 1.4 / √20000 ≈ 0.01.
        Assert.InRange(sampleMean, bimodal.Mean - 0.04, bimodal.Mean + 0.04);
        Assert.Throws<ArgumentException>(() => new GaussianMixture([1.0], [0.0], [0.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => bimodal.Quantile(1.0));
    }

    [Fact]
    public void A_bimodal_posterior_is_learnt_and_beats_the_best_gaussian()
    {
        // y = ±(1 + x0) + 0.1 noise with an unobserved sign: the posterior is two peaks; the best Gaussian has
        // mean 0 and variance (1 + x0)² + 0.01.
        var train = Bimodal(3000, seed: 1);
        var validation = Bimodal(800, seed: 2);
        var test = Bimodal(1500, seed: 3);
        var options = new PosteriorHeadOptions { MaxEpochs = 60, Patience = 60, BatchSize = 128, LearningRate = 3e-3, Seed = 5, IntraOpThreads = 1 };
        var spec = MixtureDensitySpec.Default(4, 1) with { Components = 4, HiddenWidths = [32, 32], DropoutProbability = 0 };
        var (head, summary) = MixtureDensityTrainer.Train(train, validation, spec, [0.0], [1.0], options, CPU);
        using (head)
        {
            Assert.True(summary.BestEpoch >= 1 && summary.Epochs <= 60);
            var posteriors = head.Posteriors(test.Embeddings, test.Count);
            double headNll = -Enumerable.Range(0, test.Count).Average(i => posteriors[i].LogDensity(test.Targets[i]));
            double gaussianNll = -Enumerable.Range(0, test.Count).Average(i =>
            {
                double width = 1 + test.Embeddings[i * 4];
                return Normal.PDFLn(0, Math.Sqrt((width * width) + 0.01), test.Targets[i]);
            });
            Assert.True(headNll < gaussianNll - 0.5, $"head -ln q {headNll:F3}, best Gaussian {gaussianNll:F3}");

            var report = PosteriorCalibration.Evaluate("test", "y", test.Targets, new Dictionary<string, GaussianMixture[]> { ["head"] = posteriors });
            Assert.InRange(report.Estimators["head"].Coverage[report.LevelIndex(0.68)], 0.62, 0.74);
            Assert.True(report.Estimators["head"].MeanAbsCoverageError < 0.04, report.Verdict);
        }
    }

    [Fact]
    public void The_head_travels_in_the_bundle_and_the_network_is_unchanged()
    {
        var card = ModelBundle.Save(_folder, fixture.Result.Model,
            ModelCard.FromTraining("synthetic-width-cnn", "0.1.0", "synthetic", ["log10_width"], fixture.Result, fixture.Options));
        int[] rows = fixture.Result.Split.Train;
        var inputs = new float[rows.Length * fixture.Data.InputLength];
        fixture.Data.GatherInputs(rows, inputs);
        int size = fixture.Result.Model.Network.EmbeddingSize!.Value;
        Assert.Equal(card.Architecture.EmbeddingSize, size);
        var embeddings = new float[rows.Length * size];
        var withEmbeddings = fixture.Result.Model.PredictWithEmbeddings(inputs, rows.Length, 64, embeddings);
        var plain = fixture.Result.Model.Predict(inputs, rows.Length);
        Assert.Equal(plain.Mean, withEmbeddings.Mean);
        Assert.Equal(plain.Sigma, withEmbeddings.Sigma);

        double[] targets = [.. rows.Select(r => (double)fixture.Data.Target(r)[0])];
        int half = rows.Length / 2;
        var train = new EmbeddedSamples(embeddings[..(half * size)], targets[..half], half, size, 1);
        var validation = new EmbeddedSamples(embeddings[(half * size)..], targets[half..], rows.Length - half, size, 1);
        var n = card.Normalisation;
        var (head, summary) = MixtureDensityTrainer.Train(train, validation, MixtureDensitySpec.Default(size, 1) with { Components = 3 },
            n.TargetMean, n.TargetStd, new PosteriorHeadOptions { MaxEpochs = 3, Seed = 2, IntraOpThreads = 1 }, CPU);
        GaussianMixture[] before;
        using (head)
        {
            before = head.Posteriors(validation.Embeddings, validation.Count);
            var written = ModelBundle.SavePosteriorHead(_folder, card, head, summary, PosteriorHeadCard.DefaultQuantileLevels);
            Assert.Equal(card.WeightsSha256, written.WeightsSha256);
            Assert.Contains("## Full posterior", File.ReadAllText(Path.Combine(_folder, ModelBundle.MarkdownFileName)), StringComparison.Ordinal);
        }

        using (var bundle = ModelBundle.Load(_folder))
        {
            Assert.NotNull(bundle.PosteriorHead);
            var after = bundle.PosteriorHead.Posteriors(validation.Embeddings, validation.Count);
            for (int i = 0; i < before.Length; i++)
            {
                Assert.Equal(before[i].Quantile(0.5), after[i].Quantile(0.5), 9);
            }
        }

        string weights = Path.Combine(_folder, PosteriorHeadCard.DefaultWeightsFile);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(weights, bytes);
        Assert.Throws<ModelCardException>(() => ModelBundle.ReadCard(_folder));
    }

    private static EmbeddedSamples Bimodal(int count, int seed)
    {
        var random = new Random(seed);
        var embeddings = new float[count * 4];
        var targets = new double[count];
        for (int i = 0; i < count; i++)
        {
            for (int f = 0; f < 4; f++) embeddings[(i * 4) + f] = (float)((2 * random.NextDouble()) - 1);
            double sign = random.NextDouble() < 0.5 ? -1 : 1;
            targets[i] = (sign * (1 + embeddings[i * 4])) + Normal.Sample(random, 0, 0.1);
        }

        return new EmbeddedSamples(embeddings, targets, count, 4, 1);
    }
}
