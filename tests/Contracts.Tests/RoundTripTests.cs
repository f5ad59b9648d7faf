using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Tests;

public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void Decode_of_encode_gives_back_the_same_message(string name)
    {
        var contract = ContractCase.Named(name);
        object sample = contract.Sample();

        object decoded = contract.Decode(contract.Encode(sample));

        ContractCase.AssertSameMessage(sample, decoded);
    }

    [Fact]
    public void A_rejected_feature_record_round_trips_with_null_images_and_members()
    {
        var codec = new PhaseSpaceFeaturesCodec();
        var rejected = SampleMessages.RejectedFeatures();

        var decoded = codec.Decode(codec.Encode(rejected));

        ContractCase.AssertSameMessage(rejected, decoded);
        Assert.Null(decoded.Kde2D);
        Assert.Equal("2 members kept, fewer than 3", decoded.RejectionReason);
    }

    [Fact]
    public void A_rejected_map_feature_record_round_trips_with_its_reason_missing_channel_and_no_pixels()
    {
        var codec = new MapFeaturesCodec();
        var rejected = SampleMessages.RejectedMapFeatures();

        var decoded = codec.Decode(codec.Encode(rejected));

        ContractCase.AssertSameMessage(rejected, decoded);
        Assert.Null(decoded.Log10Pixels);
        Assert.Equal([SkyMapFieldKind.HiColumnDensity], decoded.MissingChannels);
    }

    [Fact]
    public void A_lone_hi_channel_marked_missing_xray_round_trips()
    {
        var codec = new MapFeaturesCodec();
        var hiOnly = SampleMessages.MapFeatures() with
        {
            Channels = [SkyMapFieldKind.HiColumnDensity],
            MissingChannels = [SkyMapFieldKind.XraySurfaceBrightness],
            Log10Pixels = [.. SampleMessages.MapFeatures().Log10Pixels!.Skip(16)],
            FlooredFraction = [0.0625],
            Log10Floors = [19.477121254719663],
            SourceMapIds = ["mock-desi-000042-hi"],
        };

        ContractCase.AssertSameMessage(hiOnly, codec.Decode(codec.Encode(hiOnly)));
        Assert.Equal(["hi-column-density"], (object?[])Arrow.ArrowRows.ToRow(codec.ToRecordBatch(hiOnly))["channels"]!);
    }

    [Fact]
    public void A_mass_function_without_cosmology_or_truth_round_trips()
    {
        var codec = new MassFunctionUpdateCodec();
        var update = SampleMessages.MassFunction() with { Cosmology = null, TrueCosmology = null };

        var decoded = codec.Decode(codec.Encode(update));

        ContractCase.AssertSameMessage(update, decoded);
    }

    [Fact]
    public void A_parameter_posterior_round_trips_with_units_and_quantiles_and_a_gaussian_one_without()
    {
        var codec = new PosteriorCodec();
        var full = SampleMessages.ParameterPosterior();
        var gaussian = full with { QuantileLevels = null, Quantiles = null };

        ContractCase.AssertSameMessage(full, codec.Decode(codec.Encode(full)));
        ContractCase.AssertSameMessage(gaussian, codec.Decode(codec.Encode(gaussian)));
        Assert.Equal(["", "dex"], codec.Decode(codec.Encode(full)).ParameterUnits);
    }

    [Fact]
    public void The_relative_xray_surface_brightness_round_trips_alone_and_beside_the_absolute_one_each_in_its_own_column()
    {
        var codec = new StackedProfileCodec();
        var both = SampleMessages.Profile();
        var relativeOnly = both with { XraySurfaceBrightness = null, XraySurfaceBrightnessError = null, XraySurfaceBrightnessRelativeError = null };

        var decodedBoth = codec.Decode(codec.Encode(both));
        var decodedRelative = codec.Decode(codec.Encode(relativeOnly));

        ContractCase.AssertSameMessage(both, decodedBoth);
        ContractCase.AssertSameMessage(relativeOnly, decodedRelative);
        Assert.Equal([5.2e-4, 2.2e-4, 4.3e-5, 6.5e-6, 4.1e-8], decodedBoth.XraySurfaceBrightnessRelative!);
        Assert.Equal([5e-5, 2e-5, 5e-6, 1e-6, 1e-8], decodedBoth.XraySurfaceBrightnessRelativeError!);
        Assert.Equal([3e-14, 1.2e-14, 4e-15, 9e-16, 1e-16], decodedBoth.XraySurfaceBrightness!);
        Assert.Null(decodedRelative.XraySurfaceBrightness);
        Assert.Null(decodedRelative.XraySurfaceBrightnessRelativeError);
        var relative = StackedProfileCodec.Definition["xray_surface_brightness_relative"];
        Assert.Equal(("relative (CAMELS-zoomGZ28 soft-band X-ray SB units; Lee et al. 2024)", "1.1", true), (relative.Unit, relative.Since, relative.Nullable));
        Assert.Equal("erg s^-1 cm^-2 arcsec^-2", StackedProfileCodec.Definition["xray_surface_brightness"].Unit);
    }

    [Fact]
    public void Detection_times_are_stored_to_the_millisecond_in_utc()
    {
        var codec = new ClusterCatalogueCodec();
        var local = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2)).AddTicks(4321);

        var decoded = codec.Decode(codec.Encode(SampleMessages.Catalogue() with { DetectionTime = local }));

        Assert.Equal(TimeSpan.Zero, decoded.DetectionTime.Offset);
        Assert.Equal(local.ToUnixTimeMilliseconds(), decoded.DetectionTime.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void The_key_of_each_message_is_its_object_id()
    {
        Assert.Equal("mock-desi-000042", new ClusterCatalogueCodec().KeyOf(SampleMessages.Catalogue()));
        Assert.Equal("mock-desi-000042", new SkyMapCodec().KeyOf(SampleMessages.Map()));
        Assert.Equal("mock-desi-000042-xray", new SkyMapCodec().KeyOf(SampleMessages.MapVersion10()));
        Assert.Equal("mock-desi-000042", new MapFeaturesCodec().KeyOf(SampleMessages.MapFeatures()));
        Assert.Equal("mock-desi-stack-z0.2-0.3", new StackedProfileCodec().KeyOf(SampleMessages.Profile()));
        Assert.Equal("mock-desi-000042", new PhaseSpaceFeaturesCodec().KeyOf(SampleMessages.Features()));
        Assert.Equal("mock-desi-000042", new PosteriorCodec().KeyOf(SampleMessages.MassPosterior()));
        Assert.Equal("mock-desi/z0.10-0.30", new MassFunctionUpdateCodec().KeyOf(SampleMessages.MassFunction()));
    }

    [Fact]
    public void The_hi_column_density_map_kind_round_trips_as_its_kebab_case_text()
    {
        var codec = new SkyMapCodec();
        var map = SampleMessages.Map() with { FieldKind = SkyMapFieldKind.HiColumnDensity, Units = "cm^-2" };

        using var batch = codec.ToRecordBatch(map);

        Assert.Equal("hi-column-density", Arrow.ArrowRows.ToRow(batch)["field_kind"]);
        Assert.Equal(SkyMapFieldKind.HiColumnDensity, codec.Decode(codec.Encode(map)).FieldKind);
    }
}
