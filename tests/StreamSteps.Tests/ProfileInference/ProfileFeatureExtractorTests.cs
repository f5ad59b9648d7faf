using StreamProcessor.Contracts.Messages;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.StreamSteps.Tests.ProfileInference;

/// <summary>stacked profile → feature vector of a layout: order, radius matching, floors and the reasons it refuses.</summary>
public sealed class ProfileFeatureExtractorTests
{
    private static readonly ProfileLayout TwoKinds = new([ProfileKind.GasTemperature, ProfileKind.GasDensity], [0.1, 0.3], IncludeLog10HaloMass: true);

    private static StackedProfile Profile(double[] radii, double[] density, double[] temperature) => new()
    {
        ProfileId = "stack-1",
        Survey = "test",
        Redshift = 0.2,
        StackedObjects = 20,
        RadiiMpcOverH = radii,
        GasDensityCm3 = density,
        GasTemperatureKev = temperature,
        Log10HaloMass = 14.3,
    };

    [Fact]
    public void Features_are_log10_of_each_kind_at_each_layout_radius_kind_major_then_the_halo_mass()
    {
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]);

        var features = Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(TwoKinds).Extract(profile));

        Assert.Equal([Math.Log10(4.0), Math.Log10(2.5), -2, -3, 14.3], features.Values, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Empty(features.BelowFloor);
    }

    [Fact]
    public void A_stack_size_aware_layout_reads_log10_of_the_stacked_objects_last()
    {
        var layout = TwoKinds with { IncludeLog10StackedObjects = true };
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]);

        var features = Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(layout).Extract(profile));

        Assert.Equal([Math.Log10(4.0), Math.Log10(2.5), -2, -3, 14.3, Math.Log10(20)], features.Values, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_stack_larger_than_any_trained_on_is_read_as_the_largest_and_smaller_ones_as_they_are()
    {
        var layout = TwoKinds with { IncludeLog10StackedObjects = true };
        var domain = new FeatureDomain(layout.FeatureNames(), [.. Enumerable.Repeat(new ValueRange(-10, 20), 5), new ValueRange(0, 3)], MaxFeaturesOutside: 0);
        var extractor = new ProfileFeatureExtractor(layout, domain);
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]);
        double LastFeature(int stacked) => Assert.IsType<ProfileExtraction.Extracted>(extractor.Extract(profile with { StackedObjects = stacked })).Values[^1];

        Assert.Equal(3, LastFeature(50_000), 12);
        Assert.Equal(Math.Log10(999), LastFeature(999), 12);
        Assert.Equal(0, LastFeature(1), 12);
        Assert.Equal(Math.Log10(50_000), Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(layout).Extract(profile with { StackedObjects = 50_000 })).Values[^1], 12);
    }

    [Fact]
    public void A_finer_grid_is_matched_to_the_nearest_bin_within_the_tolerance_and_other_bins_are_ignored()
    {
        // 0.1015 is 1.5 % from 0.1 (inside 2 %), 0.099 is 1 % from it (nearer); 0.2 matches nothing and is ignored.
        var profile = Profile([0.05, 0.099, 0.1015, 0.2, 0.297], density: [1, 2, 3, 4, 5], temperature: [10, 20, 30, 40, 50]);

        var features = Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(TwoKinds).Extract(profile));

        Assert.Equal([Math.Log10(20), Math.Log10(50), Math.Log10(2), Math.Log10(5), 14.3], features.Values, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_layout_radius_without_a_bin_within_the_tolerance_rejects_the_profile_naming_it()
    {
        var profile = Profile([0.1, 0.31], density: [1e-2, 1e-3], temperature: [4.0, 2.5]);

        var rejected = Assert.IsType<ProfileExtraction.Rejected>(new ProfileFeatureExtractor(TwoKinds).Extract(profile));

        Assert.Equal(ProfileFeatureExtractor.RadiiMismatch, rejected.Category);
        Assert.StartsWith("1 of the model's 2 radii (0.1–0.3 h^-1 Mpc) have no profile bin within 2 % (first: 0.3 h^-1 Mpc)", rejected.Reason);
    }

    [Fact]
    public void A_missing_kind_is_named_with_the_kinds_the_profile_has()
    {
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]) with { GasTemperatureKev = null, ComptonY = [1e-5, 1e-6] };

        var rejected = Assert.IsType<ProfileExtraction.Rejected>(new ProfileFeatureExtractor(TwoKinds).Extract(profile));

        Assert.Equal(ProfileFeatureExtractor.MissingKind, rejected.Category);
        Assert.Equal("the profile has no gas_temperature_kev (T_gas), which the model reads (it has gas_density_cm3, compton_y)", rejected.Reason);
    }

    [Fact]
    public void X_ray_surface_brightness_is_read_from_the_relative_column_in_the_training_units()
    {
        var layout = new ProfileLayout([ProfileKind.XraySurfaceBrightness], [0.1, 0.3], IncludeLog10HaloMass: false);
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]) with
        {
            XraySurfaceBrightnessRelative = [1e-4, 1e-6],
            XraySurfaceBrightness = [3e-14, 1e-15],
        };

        var features = Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(layout).Extract(profile));

        Assert.Equal("xray_surface_brightness_relative", ProfileKindColumns.Column(ProfileKind.XraySurfaceBrightness));
        Assert.Equal([-4, -6], features.Values, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_profile_with_only_the_absolute_xray_column_is_refused_naming_the_relative_column_the_model_reads()
    {
        var layout = new ProfileLayout([ProfileKind.GasDensity, ProfileKind.XraySurfaceBrightness], [0.1, 0.3], IncludeLog10HaloMass: true);
        var profile = Profile([0.1, 0.3], density: [1e-2, 1e-3], temperature: [4.0, 2.5]) with { XraySurfaceBrightness = [3e-14, 1e-15] };

        var rejected = Assert.IsType<ProfileExtraction.Rejected>(new ProfileFeatureExtractor(layout).Extract(profile));

        Assert.Equal(ProfileFeatureExtractor.MissingKind, rejected.Category);
        Assert.Equal(
            "the profile has no xray_surface_brightness_relative (xsb), which the model reads (it has xray_surface_brightness, gas_density_cm3, " +
            "gas_temperature_kev); xray_surface_brightness is in other units than the model was trained on and is not read in place of " +
            "xray_surface_brightness_relative", rejected.Reason);
    }

    [Fact]
    public void A_zero_is_floored_as_in_training_and_a_positive_value_below_the_floor_is_reported()
    {
        var profile = Profile([0.1, 0.3], density: [0.0, 1e-12], temperature: [4.0, 2.5]);

        var features = Assert.IsType<ProfileExtraction.Extracted>(new ProfileFeatureExtractor(TwoKinds).Extract(profile));

        Assert.Equal(-9, features.Values[2], 12);
        Assert.Equal(-9, features.Values[3], 12);
        Assert.Equal(["log10_n_gas@0.3"], features.BelowFloor);
    }
}
