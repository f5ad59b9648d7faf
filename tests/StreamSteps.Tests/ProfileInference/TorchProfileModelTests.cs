using System.Text.Json.Nodes;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.StreamSteps.Tests.ProfileInference;

/// <summary>Loading a profile bundle: its layout file, and the checks that refuse a bundle the service could not serve.</summary>
public sealed class TorchProfileModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("profile-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_layout_file_round_trips_and_reads_kind_names_as_well_as_numbers()
    {
        ProfileLayoutFile.Write(_folder, ProfileModelFixture.Layout);
        string path = Path.Combine(_folder, ProfileLayout.FileName);
        var json = JsonNode.Parse(File.ReadAllText(path))!;

        var read = ProfileLayoutFile.Read(_folder);
        json["kinds"] = new JsonArray("GasDensity", "GasTemperature", "GasMetallicity", "XraySurfaceBrightness");
        File.WriteAllText(path, json.ToJsonString());
        var named = ProfileLayoutFile.Read(_folder);

        Assert.NotNull(json["radii_mpc_over_h"]);
        Assert.Equal(ProfileModelFixture.Layout.FeatureNames(), read.FeatureNames());
        Assert.Equal(ProfileModelFixture.Layout.FeatureNames(), named.FeatureNames());
        Assert.True(read.IncludeLog10HaloMass);
    }

    [Fact]
    public void A_stack_size_aware_bundle_loads_and_the_stacked_object_count_reaches_its_network()
    {
        var layout = ProfileModelFixture.Layout with { IncludeLog10StackedObjects = true };
        UntrainedProfileBundle.Save(_folder, layout, ProfileModelFixture.Parameters, [8], seed: 3);
        using var model = TorchProfileModel.Load(_folder);
        var profile = ProfileModelFixture.InDomainProfiles(1)[0];
        var extractor = new ProfileFeatureExtractor(model.Layout);
        float[] Features(int stacked) =>
            [.. Assert.IsType<ProfileExtraction.Extracted>(extractor.Extract(profile with { StackedObjects = stacked })).Values.Select(v => (float)v)];

        var single = model.Predict(Features(1), 1);
        var stack = model.Predict(Features(500), 1);

        Assert.True(model.Layout.IncludeLog10StackedObjects);
        Assert.Equal(29 + 1, model.Layout.FeatureCount);
        Assert.NotEqual(single.MeanOf(0, 0), stack.MeanOf(0, 0));
    }

    [Fact]
    public void A_bundle_whose_layout_builds_another_feature_count_than_the_network_reads_is_refused()
    {
        UntrainedProfileBundle.Save(_folder, ProfileModelFixture.Layout, ProfileModelFixture.Parameters, [4], seed: 1);
        ProfileLayoutFile.Write(_folder, ProfileModelFixture.Layout with { IncludeLog10HaloMass = false });

        var error = Assert.Throws<ModelCardException>(() => TorchProfileModel.Load(_folder));

        Assert.Contains("builds 28 features; the network reads 29", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_without_parameter_definitions_is_refused_because_posteriors_carry_their_units()
    {
        var card = UntrainedProfileBundle.Save(_folder, ProfileModelFixture.Layout, ProfileModelFixture.Parameters, [4], seed: 1);
        ModelBundle.WriteCard(_folder, card with { Parameters = null });

        var error = Assert.Throws<ModelCardException>(() => TorchProfileModel.Load(_folder));

        Assert.Contains("card.parameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_without_its_layout_file_is_refused()
    {
        UntrainedProfileBundle.Save(_folder, ProfileModelFixture.Layout, ProfileModelFixture.Parameters, [4], seed: 1);
        File.Delete(Path.Combine(_folder, ProfileLayout.FileName));

        var error = Assert.Throws<ModelCardException>(() => TorchProfileModel.Load(_folder));

        Assert.Contains(ProfileLayout.FileName, error.Message, StringComparison.Ordinal);
    }
}
