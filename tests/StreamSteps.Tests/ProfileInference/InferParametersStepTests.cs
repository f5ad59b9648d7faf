using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.StreamSteps.Tests.ProfileInference;

/// <summary>
/// The profile-inference step with a tiny untrained bundle: what every posterior carries, that a profile the model
/// cannot read still yields a publishable (rejected) posterior, that batching does not change a posterior, and the
/// out-of-distribution flag.
/// </summary>
[Collection(ProfileModelCollection.Name)]
public sealed class InferParametersStepTests(ProfileModelFixture fixture)
{
    private static readonly PosteriorCodec Codec = new();

    [Fact]
    public async Task Accepted_profiles_carry_every_parameter_with_its_unit_the_models_moments_identity_provenance_and_timings()
    {
        var profiles = ProfileModelFixture.InDomainProfiles(6);
        var inputs = profiles.Select((p, i) => StepInputs.At(p, p.ProfileId, Topics.Profiles, i % 2, 70 + i)).ToList();

        var posteriors = await InferAsync(inputs);

        var extractor = new ProfileFeatureExtractor(ProfileModelFixture.Layout);
        string cardHash = ModelFolder.CardSha256(fixture.Model.Folder);
        for (int i = 0; i < posteriors.Count; i++)
        {
            var p = posteriors[i];
            var features = Assert.IsType<ProfileExtraction.Extracted>(extractor.Extract(profiles[i])).Values;
            var direct = fixture.Model.Predict([.. features.Select(v => (float)v)], 1);
            Assert.Equal(RecordStatus.Accepted, p.Status);
            Assert.Equal((profiles[i].ProfileId, profiles[i].Survey, profiles[i].Redshift), (p.ObjectId, p.Survey, p.Redshift));
            Assert.Equal(ProfileModelFixture.Parameters.Select(d => d.Name), p.ParameterNames);
            Assert.Equal(ProfileModelFixture.Parameters.Select(d => d.Unit), p.ParameterUnits!);
            Assert.Equal(direct.Mean, p.Mean, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Equal(direct.Sigma, p.Sigma, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.All(p.Sigma, s => Assert.True(s > 0));
            Assert.Equal((fixture.Model.Name, fixture.Model.Version, cardHash), (p.ModelName, p.ModelVersion, p.ModelCardSha256));
            Assert.False(p.OutOfDistribution, p.OodReason);
            Assert.Equal(new MessageProvenance(Topics.Profiles, i % 2, 70 + i), p.Provenance);
            Assert.Equal(StepInputs.Logged, p.DetectionTime);
            Assert.Equal(40, p.QueuedMs, 1e-9);
            Assert.True(p.FeaturesMs >= 0);
            Assert.True(p.InferenceMs > 0);
            Assert.Null(p.Log10M200c);
            Assert.Null(p.Quantiles);
            Codec.Decode(Codec.Encode(p));
        }
    }

    [Fact]
    public async Task A_profile_missing_a_kind_the_model_reads_on_other_radii_or_without_a_halo_mass_yields_a_rejected_posterior_that_the_codec_publishes()
    {
        var good = ProfileModelFixture.InDomainProfiles(1)[0];
        var noTemperature = good with { ProfileId = "no-temperature", GasTemperatureKev = null };
        var otherRadii = good with { ProfileId = "other-radii", RadiiMpcOverH = [.. good.RadiiMpcOverH.Select(r => r * 1.1)] };
        var noMass = good with { ProfileId = "no-mass", Log10HaloMass = null };
        var inputs = new[] { good, noTemperature, otherRadii, noMass }.Select((p, i) => StepInputs.At(p, p.ProfileId, Topics.Profiles, 0, i)).ToList();

        var posteriors = await InferAsync(inputs);

        Assert.Equal([RecordStatus.Accepted, RecordStatus.Rejected, RecordStatus.Rejected, RecordStatus.Rejected], posteriors.Select(p => p.Status));
        Assert.Contains("no gas_temperature_kev (T_gas)", posteriors[1].RejectionReason);
        Assert.Contains("7 of the model's 7 radii", posteriors[2].RejectionReason);
        Assert.Contains("within 2 %", posteriors[2].RejectionReason);
        Assert.Contains("log10_halo_mass", posteriors[3].RejectionReason);
        foreach (var rejected in posteriors.Skip(1))
        {
            Assert.Empty(rejected.ParameterNames);
            Assert.False(rejected.OutOfDistribution);
            var decoded = Codec.Decode(Codec.Encode(rejected));
            Assert.Equal((RecordStatus.Rejected, rejected.RejectionReason, rejected.Provenance), (decoded.Status, decoded.RejectionReason, decoded.Provenance));
        }
    }

    [Fact]
    public async Task A_profile_with_only_the_absolute_xray_column_yields_a_rejected_posterior_naming_the_relative_column()
    {
        var good = ProfileModelFixture.InDomainProfiles(1)[0];
        // A survey that published its calibrated profile (erg s^-1 cm^-2 arcsec^-2) but not the model's relative units.
        var absoluteOnly = good with
        {
            ProfileId = "absolute-xray-only",
            XraySurfaceBrightness = [.. good.XraySurfaceBrightnessRelative!.Select(s => s * 1e-10)],
            XraySurfaceBrightnessRelative = null,
        };
        var inputs = new[] { good, absoluteOnly }.Select((p, i) => StepInputs.At(p, p.ProfileId, Topics.Profiles, 0, i)).ToList();

        var posteriors = await InferAsync(inputs);

        Assert.Equal([RecordStatus.Accepted, RecordStatus.Rejected], posteriors.Select(p => p.Status));
        var rejected = posteriors[1];
        Assert.StartsWith("the profile has no xray_surface_brightness_relative (xsb), which the model reads", rejected.RejectionReason);
        Assert.Contains("xray_surface_brightness is in other units than the model was trained on", rejected.RejectionReason);
        Assert.Empty(rejected.ParameterNames);
        Assert.Empty(rejected.Mean);
        var decoded = Codec.Decode(Codec.Encode(rejected));
        Assert.Equal((RecordStatus.Rejected, rejected.RejectionReason), (decoded.Status, decoded.RejectionReason));
    }

    [Fact]
    public async Task A_batch_gives_each_profile_the_posterior_it_gets_alone()
    {
        var profiles = Ingestion.Demo.DemoProfiles.Generate(32, ProfileModelFixture.Radii, seed: 5);
        var inputs = profiles.Select((p, i) => StepInputs.At(p, p.ProfileId, Topics.Profiles, 0, i)).ToList();

        var batched = await InferAsync(inputs);
        var alone = new List<Posterior>();
        foreach (var input in inputs) alone.Add(Assert.Single(await InferAsync([input])));

        // libtorch picks CPU kernels per batch shape, so float32 outputs may differ in their last bits (as for the mass
        // CNN, InferMassStepTests); a profile given another profile's posterior would differ by far more.
        for (int i = 0; i < inputs.Count; i++)
        {
            Assert.Equal(alone[i].ObjectId, batched[i].ObjectId);
            Assert.Equal(alone[i].Mean, batched[i].Mean, (a, b) => Math.Abs(a - b) < 1e-5);
            Assert.Equal(alone[i].Sigma, batched[i].Sigma, (a, b) => Math.Abs(a - b) < 1e-5);
        }
    }

    [Fact]
    public async Task Profiles_outside_the_cards_feature_domain_or_below_the_layouts_floor_are_flagged_with_the_reason()
    {
        var good = ProfileModelFixture.InDomainProfiles(1)[0];
        // A hundred times denser and hotter everywhere: 14 features far outside the 200 training stacks.
        var dense = good with
        {
            ProfileId = "dense",
            GasDensityCm3 = [.. good.GasDensityCm3!.Select(n => n * 100)],
            GasTemperatureKev = [.. good.GasTemperatureKev!.Select(t => t * 100)],
        };
        var faint = good with { ProfileId = "faint", GasMetallicityZsun = [1e-7, .. good.GasMetallicityZsun!.Skip(1)] };
        var inputs = new[] { good, dense, faint }.Select((p, i) => StepInputs.At(p, p.ProfileId, Topics.Profiles, 0, i)).ToList();

        var posteriors = await InferAsync(inputs);

        Assert.False(posteriors[0].OutOfDistribution, posteriors[0].OodReason);
        Assert.True(posteriors[1].OutOfDistribution);
        Assert.StartsWith("14 of 29 features outside the training range (log10_n_gas@0.02", posteriors[1].OodReason);
        Assert.True(posteriors[2].OutOfDistribution);
        Assert.Contains("1 value below the layout's floor (log10_Z_gas@0.02)", posteriors[2].OodReason);
        Assert.All(posteriors, p => Assert.Equal(RecordStatus.Accepted, p.Status));
    }

    private async Task<List<Posterior>> InferAsync(IReadOnlyList<StreamInput<StackedProfile>> inputs)
    {
        var step = new InferParametersStep(fixture.Model, TimeProvider.System);
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<StepResult<Posterior>.Emitted>(r).Outputs))];
    }
}
