using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.MassInference;
using Xunit.Abstractions;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>
/// The mass-inference step with the shipped CNN on features the phase-space step made from simulated catalogues:
/// what every posterior carries, that a rejected catalogue still yields a publishable posterior, that batching
/// does not change a posterior, and the out-of-distribution flag.
/// </summary>
public sealed class InferMassStepTests(ShippedModel shipped, ITestOutputHelper output) : IClassFixture<ShippedModel>
{
    private static readonly PosteriorCodec Codec = new();

    [Fact]
    public async Task Accepted_features_get_a_posterior_with_baselines_model_identity_provenance_and_timings()
    {
        var features = await FeaturesAsync(DemoSurvey.Generate(8, seed: 11));
        var inputs = features.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, i % 3, 50 + i)).ToList();

        var posteriors = await InferAsync(inputs);

        string cardHash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(shipped.Model.Folder, "card.json"))));
        for (int i = 0; i < posteriors.Count; i++)
        {
            var p = posteriors[i];
            var f = features[i];
            Assert.Equal(RecordStatus.Accepted, p.Status);
            Assert.Equal(f.ClusterId, p.ObjectId);
            Assert.Equal(f.ClusterId, p.CatalogueId);
            Assert.Equal(["log10_m200c"], p.ParameterNames);
            Assert.Equal(p.Log10M200c, Assert.Single(p.Mean));
            Assert.Equal(p.SigmaLog10M200c, Assert.Single(p.Sigma));
            Assert.InRange(p.Log10M200c!.Value, 12.5, 16);
            Assert.InRange(p.SigmaLog10M200c!.Value, 0.01, 1);
            Assert.NotNull(p.BaselineMsigmaLog10M);
            Assert.NotNull(p.BaselineVirialLog10M);
            Assert.Equal(shipped.Model.Name, p.ModelName);
            Assert.Equal(shipped.Model.Version, p.ModelVersion);
            Assert.Equal(cardHash, p.ModelCardSha256);
            // Provenance is the catalogue record's position, not the features record's.
            Assert.Equal(f.Provenance, p.Provenance);
            Assert.Equal((f.Survey, f.Redshift, f.DetectionTime, f.MembersKept, f.TrueLog10M200c), (p.Survey, p.Redshift, p.DetectionTime, p.MembersKept!.Value, p.TrueLog10M200c));
            Assert.Equal(40, p.QueuedMs, 1e-9);
            Assert.Equal(f.FeaturesMs, p.FeaturesMs);
            Assert.True(p.InferenceMs > 0);
            AssertFullPosterior(p);
            Codec.Decode(Codec.Encode(p));
        }
    }

    /// <summary>The shipped bundle has a posterior head: its quantiles travel in the record, ordered, around the moment posterior.</summary>
    private void AssertFullPosterior(Posterior p)
    {
        var levels = Assert.IsAssignableFrom<IReadOnlyList<double>>(p.QuantileLevels);
        Assert.Equal(shipped.Model.QuantileLevels, levels);
        var quantiles = Assert.IsAssignableFrom<IReadOnlyList<double>>(p.Quantiles);
        Assert.Equal(levels.Count, quantiles.Count);
        for (int l = 1; l < levels.Count; l++)
        {
            Assert.True(quantiles[l] > quantiles[l - 1], $"quantiles {string.Join(", ", quantiles)} must increase");
        }

        double median = quantiles[levels.ToList().IndexOf(0.5)];
        Assert.InRange(median - p.Log10M200c!.Value, -0.3, 0.3);
        double width68 = quantiles[levels.ToList().IndexOf(0.84)] - quantiles[levels.ToList().IndexOf(0.16)];
        Assert.InRange(width68, 0.5 * p.SigmaLog10M200c!.Value, 4 * p.SigmaLog10M200c.Value);
    }

    [Fact]
    public async Task A_rejected_catalogue_and_an_unusable_image_yield_rejected_posteriors_that_the_codec_publishes()
    {
        var accepted = (await FeaturesAsync(DemoSurvey.Generate(2, seed: 12)))[0];
        var poor = (await FeaturesAsync([PoorCatalogue()]))[0];
        Assert.Equal(RecordStatus.Rejected, poor.Status);
        var badImage = accepted with { ClusterId = "bad-image", Kde2D = new float[10] };
        var inputs = new[] { accepted, poor, badImage }.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();

        var posteriors = await InferAsync(inputs);

        Assert.Equal([RecordStatus.Accepted, RecordStatus.Rejected, RecordStatus.Rejected], posteriors.Select(p => p.Status));
        Assert.Equal(poor.RejectionReason, posteriors[1].RejectionReason);
        Assert.Contains($"the model needs {shipped.Model.InputLength}", posteriors[2].RejectionReason);
        foreach (var rejected in posteriors.Skip(1))
        {
            Assert.Empty(rejected.ParameterNames);
            Assert.Null(rejected.Log10M200c);
            var decoded = Codec.Decode(Codec.Encode(rejected));
            Assert.Equal(RecordStatus.Rejected, decoded.Status);
            Assert.Equal(rejected.RejectionReason, decoded.RejectionReason);
            Assert.Equal(rejected.Provenance, decoded.Provenance);
        }
    }

    [Fact]
    public async Task A_batch_gives_each_record_the_posterior_it_gets_alone_and_the_CNN_tracks_the_true_mass()
    {
        var features = await FeaturesAsync(DemoSurvey.Generate(48, seed: 13));
        var inputs = features.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();

        var batched = await InferAsync(inputs);
        var alone = new List<Posterior>();
        foreach (var input in inputs) alone.Add(Assert.Single(await InferAsync([input])));

        double worstMean = 0, worstSigma = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            worstMean = Math.Max(worstMean, Math.Abs(alone[i].Log10M200c!.Value - batched[i].Log10M200c!.Value));
            worstSigma = Math.Max(worstSigma, Math.Abs(alone[i].SigmaLog10M200c!.Value - batched[i].SigmaLog10M200c!.Value));
        }

        // Not bit-identical: libtorch picks its CPU kernels per batch shape and instruction set, so the float32 outputs
        // differ in their last bits (≈ 1.6e-7 dex here, with AVX-512 or AVX2 kernels). 1e-5 dex leaves room for other
        // CPUs; a record given another record's posterior would be off by ~0.1 dex or more.
        output.WriteLine($"batched vs alone: largest difference {worstMean:E2} dex in the mean, {worstSigma:E2} dex in sigma");
        for (int i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(alone[i].ObjectId, batched[i].ObjectId);
            Assert.Equal(alone[i].Log10M200c!.Value, batched[i].Log10M200c!.Value, 1e-5);
            Assert.Equal(alone[i].SigmaLog10M200c!.Value, batched[i].SigmaLog10M200c!.Value, 1e-5);
        }

        // Records matched to the wrong image would scatter by ~0.5 dex (the spread of the demo's masses). The demo spans
        // 0.03 < z < 1.1 like the training set, where the CNN scatters by 0.10-0.20 dex per redshift bin with a tail of
        // poor high-z catalogues (0.25 dex on these 48), so the bound is 0.3.
        var residuals = batched.Select(p => p.Log10M200c!.Value - p.TrueLog10M200c!.Value).ToList();
        double mean = residuals.Average();
        double scatter = Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / (residuals.Count - 1));
        output.WriteLine($"48 demo clusters: CNN residual mean {mean:F3} dex, scatter {scatter:F3} dex");
        Assert.InRange(scatter, 0, 0.3);
        Assert.InRange(mean, -0.1, 0.1);
    }

    [Fact]
    public async Task Inputs_outside_the_cards_training_domain_are_flagged_with_the_reason()
    {
        var features = await FeaturesAsync(DemoSurvey.Generate(2, seed: 14));
        var far = features[1] with { ClusterId = "far", Redshift = 1.5 }; // beyond the training set's 0.03 < z < 1.1
        var inputs = new[] { features[0], far }.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();

        var posteriors = await InferAsync(inputs);

        Assert.False(posteriors[0].OutOfDistribution, posteriors[0].OodReason);
        Assert.Null(posteriors[0].OodReason);
        Assert.True(posteriors[1].OutOfDistribution);
        Assert.StartsWith("redshift", posteriors[1].OodReason);
        Assert.Equal(RecordStatus.Accepted, posteriors[1].Status);
    }

    private async Task<List<Posterior>> InferAsync(IReadOnlyList<StreamInput<PhaseSpaceFeatures>> inputs)
    {
        var step = new InferMassStep(shipped.Model, shipped.Baselines, TimeProvider.System);
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<StepResult<Posterior>.Emitted>(r).Outputs))];
    }

    /// <summary>The production path's features: the phase-space step with its default profile.</summary>
    private static async Task<List<PhaseSpaceFeatures>> FeaturesAsync(IReadOnlyList<ClusterCatalogue> catalogues)
    {
        var step = new ExtractPhaseSpaceStep(Options.Create(new PhaseSpaceOptions()), TimeProvider.System);
        var inputs = catalogues.Select((c, i) => StepInputs.At(c, c.ClusterId, Topics.Catalogues, i % 4, i)).ToList();
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<StepResult<PhaseSpaceFeatures>.Emitted>(r).Outputs))];
    }

    private static ClusterCatalogue PoorCatalogue()
    {
        var rich = DemoSurvey.Generate(1, seed: 15)[0];
        return rich with { ClusterId = "poor", Members = [.. rich.Members.Take(6)] };
    }
}
