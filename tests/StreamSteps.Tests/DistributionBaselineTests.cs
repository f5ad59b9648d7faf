using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Dynamics;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.MassInference;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>
/// The distribution-regression baseline in the mass-inference step: when the model folder carries one, every accepted
/// posterior has its estimate from the record's own members (and the codec publishes it); without one the column is null.
/// </summary>
public sealed class DistributionBaselineTests(ShippedModel shipped) : IClassFixture<ShippedModel>
{
    [Fact]
    public async Task Each_accepted_posterior_carries_the_distribution_regression_estimate_of_its_members()
    {
        DistributionRegression regression = SmallModel();
        var features = await MassPath.FeaturesAsync(DemoSurvey.Generate(5, seed: 21));

        var withModel = await MassPath.PosteriorsAsync(shipped.Model, shipped.Baselines with { DistributionRegression = regression }, features);
        var without = await MassPath.PosteriorsAsync(shipped.Model, shipped.Baselines with { DistributionRegression = null }, features);

        var codec = new PosteriorCodec();
        for (int i = 0; i < features.Count; i++)
        {
            var f = features[i];
            Assert.Equal(RecordStatus.Accepted, withModel[i].Status);
            double? expected = regression.PredictLog10M200c([.. f.MemberRProjMpcOverH!], [.. f.MemberVLosKmPerS!], f.Redshift);
            Assert.NotNull(expected);
            Assert.Equal(expected, withModel[i].BaselineDistributionLog10M);
            Assert.Equal(expected, codec.Decode(codec.Encode(withModel[i])).BaselineDistributionLog10M);
            Assert.Null(without[i].BaselineDistributionLog10M);
            Assert.Equal(without[i].Log10M200c, withModel[i].Log10M200c);
        }
    }

    [Fact]
    public void A_model_folder_without_the_file_loads_no_distribution_regression()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"baselines-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            Assert.Null(ModelBaselines.Load(folder).DistributionRegression);
            SmallModel().SaveTo(folder);
            Assert.NotNull(ModelBaselines.Load(folder).DistributionRegression);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A quickly fitted model on synthetic clusters (σ from log10 M); its values are not the point, its plumbing is.</summary>
    private static DistributionRegression SmallModel()
    {
        MemberSample[] Clusters(ulong seed) => [.. Enumerable.Range(0, 60).Select(c =>
        {
            SeededRandom random = SeededRandom.ForStream(seed, (ulong)c);
            double log10M = random.NextUniform(13.5, 15.3);
            double sigma = Math.Pow(10, 2.97 + ((log10M - 15) / 3));
            double[] r = [.. Enumerable.Range(0, 40).Select(_ => 1.6 * Math.Sqrt(random.NextDouble()))];
            double[] v = [.. Enumerable.Range(0, 40).Select(_ => sigma * random.NextGaussian())];
            return new MemberSample(r, v, random.NextUniform(0.03, 1.1), log10M);
        })];
        return DistributionRegressionFitter.Fit(Clusters(1), Clusters(2), new DistributionRegressionOptions { FeatureCount = 32, Bandwidths = [0.2], RidgeLambdas = [1e-4] });
    }
}
