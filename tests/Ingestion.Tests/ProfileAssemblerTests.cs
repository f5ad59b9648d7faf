using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Profiles;

namespace StreamProcessor.Ingestion.Tests;

/// <summary>Bin rows → stacked profiles: what is refused and why (the file side is tested through `ingest profiles`).</summary>
public sealed class ProfileAssemblerTests
{
    private static ProfileRow Bin(long row, string id, double radius, double density = 0.01, double mass = 14.0) => new()
    {
        Row = row,
        ProfileId = id,
        Survey = "des",
        Redshift = 0.3,
        StackedObjects = 30,
        Log10HaloMass = mass,
        RadiusMpcOverH = radius,
        Values = new Dictionary<string, double> { ["gas_density_cm3"] = density, ["gas_density_cm3_error"] = 0.001 },
        Unknown = new Dictionary<string, string>(),
    };

    [Fact]
    public void Rows_of_one_id_become_one_profile_in_radius_order_with_its_kinds_and_errors()
    {
        var assembly = new ProfileAssembler().Assemble([Bin(1, "A", 0.1), Bin(2, "A", 0.2, density: 0.004), Bin(3, "B", 0.1)]);

        Assert.Equal(["A", "B"], assembly.Profiles.Select(p => p.ProfileId));
        Assert.Equal([0.01, 0.004], assembly.Profiles[0].GasDensityCm3!);
        Assert.Equal([0.001, 0.001], assembly.Profiles[0].GasDensityCm3Error!);
        Assert.Equal((3L, 3L), (assembly.RowsRead, assembly.RowsAccepted));
    }

    [Fact]
    public void A_halo_mass_that_differs_between_bins_refuses_the_profile()
    {
        var assembly = new ProfileAssembler().Assemble([Bin(1, "A", 0.1, mass: 14.0), Bin(2, "A", 0.2, mass: 14.2)]);

        Assert.Empty(assembly.Profiles);
        Assert.All(assembly.Rejections, r => Assert.StartsWith($"{ProfileAssembler.InconsistentProfile} log10_halo_mass: rows of the profile disagree (14 on row 1, 14.2 on row 2)", r.Reason));
    }

    [Fact]
    public void An_error_column_without_its_values_is_refused_by_the_codec_check()
    {
        var assembly = new ProfileAssembler().Assemble([Bin(1, "A", 0.1) with { Values = new Dictionary<string, double> { ["gas_density_cm3_error"] = 0.1, ["compton_y"] = 1e-5 } }]);

        Assert.Empty(assembly.Profiles);
        Assert.StartsWith("missing-field gas_density_cm3: ", Assert.Single(assembly.Rejections).Reason);
    }

    [Fact]
    public void Relative_and_absolute_xray_columns_fill_their_own_kinds_and_a_negative_relative_value_is_refused()
    {
        ProfileRow XrayBin(long row, string id, double radius, double relative, double absolute) => Bin(row, id, radius) with
        {
            Values = new Dictionary<string, double> { ["xray_surface_brightness_relative"] = relative, ["xray_surface_brightness"] = absolute },
        };

        var assembly = new ProfileAssembler().Assemble(
        [
            XrayBin(1, "A", 0.1, relative: 5.2e-4, absolute: 3e-14), XrayBin(2, "A", 0.2, relative: 2.2e-4, absolute: 1.2e-14),
            XrayBin(3, "B", 0.1, relative: -5.2e-4, absolute: 3e-14), XrayBin(4, "B", 0.2, relative: 2.2e-4, absolute: 1.2e-14),
        ]);

        var a = Assert.Single(assembly.Profiles);
        Assert.Equal([5.2e-4, 2.2e-4], a.XraySurfaceBrightnessRelative!);
        Assert.Equal([3e-14, 1.2e-14], a.XraySurfaceBrightness!);
        Assert.StartsWith("out-of-range xray_surface_brightness_relative: -0.00052 relative (CAMELS-zoomGZ28 soft-band X-ray SB units; Lee et al. 2024) is outside [0,",
            assembly.Rejections.Single(r => r.Row == 3).Reason);
    }

    [Fact]
    public void Demo_profiles_are_deterministic_positive_and_accepted_by_the_codec()
    {
        double[] radii = [0.02, 0.1, 0.5, 2.0];
        var first = DemoProfiles.Generate(20, radii, seed: 4);
        var again = DemoProfiles.Generate(20, radii, seed: 4);
        var codec = new StackedProfileCodec();

        for (int i = 0; i < first.Count; i++)
        {
            Assert.Equal(codec.Encode(first[i]), codec.Encode(again[i]));
            Assert.All(first[i].GasDensityCm3!.Concat(first[i].GasTemperatureKev!).Concat(first[i].ComptonY!).Concat(first[i].XraySurfaceBrightnessRelative!), v => Assert.True(v > 0));
            // The β-model brightness is in the model's relative units; nothing is claimed in erg s^-1 cm^-2 arcsec^-2.
            Assert.Null(first[i].XraySurfaceBrightness);
            // Density falls outward (β-model).
            Assert.True(first[i].GasDensityCm3![0] > first[i].GasDensityCm3![^1]);
        }
    }
}
