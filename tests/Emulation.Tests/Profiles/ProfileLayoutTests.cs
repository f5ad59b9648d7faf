using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Tests.Profiles;

public sealed class ProfileLayoutTests
{
    private static readonly double[] Radii = [.. Enumerable.Range(0, 30).Select(i => 11.2202 * Math.Pow(10, 0.1 * i))];

    [Fact]
    public void Camels_layout_cuts_radii_and_counts_features()
    {
        var (layout, bins) = ProfileFeatures.CamelsLayout([ProfileKind.GasDensity, ProfileKind.ComptonY], Radii, maxRadiusMpcOverH: 0.1, includeLog10Mass: true);
        // 0.1 h^-1 Mpc = 149 kpc at h = 0.6711: bins up to 141 kpc.
        Assert.Equal(Enumerable.Range(0, 12), bins);
        Assert.Equal((2 * 12) + 1, layout.FeatureCount);
        Assert.Equal(layout.FeatureCount, layout.FeatureNames().Count);
        Assert.Equal("log10_n_gas@0.00753", layout.FeatureNames()[0]);
        Assert.Equal("log10_m_halo", layout.FeatureNames()[^1]);
        Assert.Throws<ArgumentException>(() => ProfileFeatures.CamelsLayout([ProfileKind.GasDensity], Radii, 0.001, false));
    }

    [Fact]
    public void Features_are_kind_major_with_mass_last_and_noise_has_the_requested_width()
    {
        var (layout, bins) = ProfileFeatures.CamelsLayout([ProfileKind.GasTemperature, ProfileKind.GasDensity], Radii, 10, true);
        double[] all = [.. Enumerable.Range(0, 5 * 30).Select(i => (double)i)];
        var features = new float[layout.FeatureCount];
        ProfileFeatures.Write(layout, bins, 30, all, 14.2, features);
        Assert.Equal(30f, features[0]);   // T_gas is kind 1 of the emulator's order
        Assert.Equal(0f, features[30]);   // then n_gas
        Assert.Equal(14.2f, features[^1]);

        var random = new Random(1);
        double[] deviations = [.. Enumerable.Range(0, 400).SelectMany(_ =>
        {
            ProfileFeatures.Write(layout, bins, 30, all, 14.2, features, random, 0.2);
            return features.Take(60).Select((f, i) => (f - all[i < 30 ? 30 + i : i - 30]) * Math.Log(10));
        })];
        double std = Math.Sqrt(deviations.Average(d => d * d));
        Assert.InRange(std, 0.19, 0.21);
    }

    [Fact]
    public void A_stack_size_aware_layout_ends_with_log10_of_the_stack_size_after_the_mass()
    {
        var (layout, bins) = ProfileFeatures.CamelsLayout([ProfileKind.GasDensity], Radii, 10, includeLog10Mass: true, includeLog10StackedObjects: true);
        Assert.Equal(30 + 2, layout.FeatureCount);
        Assert.Equal(30, layout.ProfileValueCount);
        Assert.Equal(["log10_m_halo", "log10_stacked_objects"], layout.FeatureNames().TakeLast(2));

        double[] all = [.. Enumerable.Range(0, 5 * 30).Select(i => (double)i)];
        var features = new float[layout.FeatureCount];
        ProfileFeatures.Write(layout, bins, 30, all, 14.2, features, new Random(3), 0.3, stackedObjects: 250);
        Assert.Equal(14.2f, features[^2]);
        Assert.Equal((float)Math.Log10(250), features[^1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfileFeatures.Write(layout, bins, 30, all, 14.2, features, stackedObjects: 0));
    }

    [Fact]
    public void A_layout_file_written_before_stack_sizes_existed_reads_as_without_them()
    {
        // As the shipped models' profile-layout.json (the bundles' snake_case JSON).
        const string json = """{"kinds":[0],"radii_mpc_over_h":[0.01,0.1],"include_log10_halo_mass":true}""";
        var options = new System.Text.Json.JsonSerializerOptions { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };

        var layout = System.Text.Json.JsonSerializer.Deserialize<ProfileLayout>(json, options)!;

        Assert.False(layout.IncludeLog10StackedObjects);
        Assert.Equal(3, layout.FeatureCount);
    }

    [Fact]
    public void Short_names_round_trip_and_bad_layouts_are_refused()
    {
        foreach (var kind in Enum.GetValues<ProfileKind>())
        {
            Assert.Equal(kind, ProfileLayout.KindFromShortName(ProfileLayout.ShortName(kind)));
        }

        Assert.Throws<ArgumentException>(() => ProfileLayout.KindFromShortName("pressure"));
        Assert.Throws<ArgumentException>(() => new ProfileLayout([ProfileKind.ComptonY, ProfileKind.ComptonY], [0.1], false).Validated());
        Assert.Throws<ArgumentException>(() => new ProfileLayout([ProfileKind.ComptonY], [0.2, 0.1], false).Validated());
        Assert.Equal(-9, ProfileLayout.Log10Floored(ProfileKind.GasDensity, 0), 12);
    }
}
