using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.MapFeatureExtraction;

namespace StreamProcessor.StreamSteps.Tests;

public sealed class ExtractMapFeaturesStepTests
{
    private const int Side = 16;
    private const double PixelKpc = 4.0;
    private const double Redshift = 0.05;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static MapFeaturesOptions Options(double minimumCoverage = 0.25) => new()
    {
        Side = Side,
        PixelKpc = PixelKpc,
        JoinWait = Wait,
        MinimumCoverage = minimumCoverage,
        DefaultProfile = "idealised",
        Profiles = new()
        {
            ["idealised"] = new MapLimitsProfile(),
            ["erass4-mhongoose"] = new MapLimitsProfile { XrayFloorErgPerSPerCm2PerArcmin2 = 1e-15, HiFloorCm2 = 3e19 },
            ["erass4"] = new MapLimitsProfile { Fields = ["xray-surface-brightness"], XrayFloorErgPerSPerCm2PerArcmin2 = 1e-15 },
        },
    };

    private static ExtractMapFeaturesStep Step(MapFeaturesOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), TimeProvider.System);

    /// <summary>Arcsec per pixel that makes one input pixel <paramref name="kpc"/> kpc at <paramref name="redshift"/> (Planck 2018 D_A).</summary>
    private static double ArcsecFor(double kpc, double redshift)
    {
        double distanceKpc = Background.AngularDiameterDistanceMpcOverH(redshift, FlatLcdm.Planck18) / FlatLcdm.Planck18.LittleH * 1000.0;
        return kpc / distanceKpc * (180.0 * 3600.0 / Math.PI);
    }

    private static SkyMap Map(SkyMapFieldKind kind, Func<int, float> pixel, int side = Side, double pixelKpc = PixelKpc, string? units = null, string survey = "idealised", string objectId = "obj-1") => new()
    {
        MapId = $"{objectId}-{kind.ToText()}",
        ObjectId = objectId,
        Survey = survey,
        FieldKind = kind,
        CentreRaDeg = 150.0,
        CentreDecDeg = 2.0,
        Redshift = Redshift,
        PixelScaleArcsec = ArcsecFor(pixelKpc, Redshift),
        Width = side,
        Height = side,
        Pixels = [.. Enumerable.Range(0, side * side).Select(pixel)],
        Units = units ?? (kind == SkyMapFieldKind.XraySurfaceBrightness ? MapUnits.XrayPhysical : MapUnits.ColumnDensity),
        TrueValues = [12.3, 0.08, -2.4, 10.6, 0.37, 6.2],
    };

    private static StreamInput<SkyMap> At(SkyMap map, long offset, DateTimeOffset? consumed = null) =>
        new(map, map.ObjectId ?? map.MapId, new SourcePosition(Topics.Maps, 3, offset), StepInputs.Logged, consumed ?? DateTimeOffset.UtcNow);

    private static async Task<StepResult<MapFeatures>> One(ExtractMapFeaturesStep step, StreamInput<SkyMap> input) =>
        Assert.Single(await step.ProcessAsync([input], CancellationToken.None));

    [Fact]
    public async Task An_xray_and_an_hi_map_of_one_object_in_separate_batches_give_one_two_channel_record_in_the_fixed_order()
    {
        var step = Step();
        var hi = await One(step, At(Map(SkyMapFieldKind.HiColumnDensity, _ => 1e20f), offset: 10));
        var xray = await One(step, At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e37f), offset: 11));

        Assert.IsType<StepResult<MapFeatures>.Held>(hi);
        var record = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(xray).Outputs);
        Assert.Equal(RecordStatus.Accepted, record.Status);
        Assert.Equal([SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity], record.Channels);
        Assert.Empty(record.MissingChannels);
        Assert.Equal(2 * Side * Side, record.Log10Pixels!.Count);
        Assert.All(record.Log10Pixels.Take(Side * Side), v => Assert.Equal(37.0, v, 4));
        Assert.All(record.Log10Pixels.Skip(Side * Side), v => Assert.Equal(20.0, v, 4));
        Assert.Equal(["obj-1-xray-surface-brightness", "obj-1-hi-column-density"], record.SourceMapIds);
        Assert.Equal("obj-1", record.ObjectId);
        Assert.Equal(10, record.Provenance.SourceOffset); // the first map of the object
        Assert.Equal(6, record.TrueValues!.Count);
        Assert.Equal(0, step.PendingObjects);
        new MapFeaturesCodec().Encode(record); // valid against its schema
    }

    [Fact]
    public async Task A_lone_xray_map_is_held_until_its_wait_runs_out_then_published_marked_missing_hi()
    {
        var step = Step();
        var consumed = new DateTimeOffset(2026, 3, 20, 21, 0, 1, TimeSpan.Zero);
        var held = await One(step, At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e37f), offset: 42, consumed));

        Assert.IsType<StepResult<MapFeatures>.Held>(held);
        Assert.Equal(new Dictionary<InputPartition, long> { [new(Topics.Maps, 3)] = 42 }, step.LowestHeldOffsets());
        Assert.Empty(step.ReleaseDue(consumed + Wait - TimeSpan.FromMilliseconds(1)));
        var record = Assert.Single(step.ReleaseDue(consumed + Wait));

        Assert.Equal([SkyMapFieldKind.XraySurfaceBrightness], record.Channels);
        Assert.Equal([SkyMapFieldKind.HiColumnDensity], record.MissingChannels);
        Assert.Equal(Side * Side, record.Log10Pixels!.Count);
        Assert.Empty(step.LowestHeldOffsets());
        new MapFeaturesCodec().Encode(record);
    }

    [Fact]
    public async Task A_profile_that_expects_only_xray_publishes_at_once_and_skips_hi_maps()
    {
        var step = Step();
        var xray = await One(step, At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e-13f, units: MapUnits.XrayPerArcmin2, survey: "erass4"), 1));
        var hi = await One(step, At(Map(SkyMapFieldKind.HiColumnDensity, _ => 1e20f, survey: "erass4"), 2));

        Assert.Empty(Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(xray).Outputs).MissingChannels);
        Assert.IsType<StepResult<MapFeatures>.Skipped>(hi);
    }

    [Fact]
    public async Task Forgetting_a_revoked_partition_drops_its_held_maps()
    {
        var step = Step();
        await One(step, At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e37f), 5));

        step.Forget([new InputPartition(Topics.Maps, 3)]);

        Assert.Equal(0, step.PendingObjects);
        Assert.Empty(step.ReleaseDue(DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData("non-square", "malformed")]
    [InlineData("nan", "non-finite")]
    [InlineData("unknown-units", "unknown-units")]
    [InlineData("hi-in-xray-units", "unknown-units")]
    [InlineData("too-large", "oversized")]
    public async Task A_malformed_map_is_dead_lettered_with_a_clear_reason(string defect, string reason)
    {
        var step = Step(Options() with { MaxInputSide = 64 });
        var good = Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e37f);
        var bad = defect switch
        {
            "non-square" => good with { Width = 32, Height = 8, Pixels = new float[256] },
            "nan" => good with { Pixels = [.. good.Pixels.Select((p, i) => i == 17 ? float.NaN : p)] },
            "unknown-units" => good with { Units = "counts s^-1" },
            "hi-in-xray-units" => Map(SkyMapFieldKind.HiColumnDensity, _ => 1e20f, units: MapUnits.XrayPerArcsec2),
            "too-large" => Map(SkyMapFieldKind.XraySurfaceBrightness, _ => 1e37f, side: 80, pixelKpc: 1),
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        var result = Assert.IsType<StepResult<MapFeatures>.DeadLettered>(await One(step, At(bad, 1)));

        Assert.Equal(reason, result.Reason);
        Assert.Contains(bad.MapId, result.Message, StringComparison.Ordinal);
        Assert.Equal(0, step.PendingObjects);
    }

    [Fact]
    public async Task Xray_surface_brightness_per_arcmin2_or_arcsec2_converts_to_the_same_physical_value_with_tolman_dimming()
    {
        const double perArcmin2 = 1e-14;
        var profile = new MapLimitsProfile { Fields = ["xray-surface-brightness"] };
        var options = Options() with { Profiles = new() { ["idealised"] = profile } };
        var fromArcmin = await One(Step(options), At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => (float)perArcmin2, units: MapUnits.XrayPerArcmin2), 1));
        var fromArcsec = await One(Step(options), At(Map(SkyMapFieldKind.XraySurfaceBrightness, _ => (float)(perArcmin2 / 3600), units: MapUnits.XrayPerArcsec2), 1));

        // S_X = 7.072e-52 Σ_L (1+z)^-4 (shared/science/REFERENCE.md section 5).
        double expected = Math.Log10(perArcmin2 * Math.Pow(1 + Redshift, 4) / 7.072e-52 / 1e6); // per pc²
        Assert.All(Pixels(fromArcmin), v => Assert.Equal(expected, v, 4));
        Assert.All(Pixels(fromArcsec), v => Assert.Equal(expected, v, 4));
    }

    [Fact]
    public async Task The_erass4_mhongoose_profile_raises_pixels_below_its_floors_to_them_and_records_the_fraction()
    {
        var step = Step();
        // Half the X-ray pixels below 1e-15 erg s^-1 cm^-2 arcmin^-2, every HI pixel below 3e19 cm^-2.
        await One(step, At(Map(SkyMapFieldKind.XraySurfaceBrightness, i => i % 2 == 0 ? 1e-16f : 1e-13f, units: MapUnits.XrayPerArcmin2, survey: "erass4-mhongoose"), 1));
        var record = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(
            await One(step, At(Map(SkyMapFieldKind.HiColumnDensity, _ => 1e19f, survey: "erass4-mhongoose"), 2))).Outputs);

        double xrayFloor = Math.Log10(1e-15 * Math.Pow(1 + Redshift, 4) / 7.072e-52 / 1e6); // per pc²
        Assert.Equal("erass4-mhongoose", record.LimitsProfile);
        Assert.Equal([0.5, 1.0], record.FlooredFraction);
        Assert.Equal(xrayFloor, record.Log10Floors![0], 9);
        Assert.Equal(Math.Log10(3e19), record.Log10Floors![1], 9);
        Assert.Equal(xrayFloor, record.Log10Pixels![0], 4);
        Assert.All(record.Log10Pixels.Skip(Side * Side), v => Assert.Equal(Math.Log10(3e19), v, 4));
    }

    [Fact]
    public async Task Under_the_idealised_profile_pixels_that_are_not_positive_become_the_tiny_floor()
    {
        var step = Step(Options() with { Profiles = new() { ["idealised"] = new MapLimitsProfile { Fields = ["hi-column-density"] } } });
        var record = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(
            await One(step, At(Map(SkyMapFieldKind.HiColumnDensity, i => i < 64 ? 0f : i < 128 ? -5e18f : 2e20f), 1))).Outputs);

        Assert.Equal(0.5, record.FlooredFraction[0]);
        Assert.Equal(16.0, record.Log10Floors![0]); // MapInputScaling.HiMinimumCm2 = 1e16, the models' own minimum
        Assert.All(record.Log10Pixels!.Take(128), v => Assert.Equal(16.0, v, 4));
        Assert.All(record.Log10Pixels!.Skip(128), v => Assert.Equal(Math.Log10(2e20), v, 4));
    }

    [Fact]
    public async Task A_finer_map_is_averaged_over_the_area_of_each_model_pixel()
    {
        var step = Step(Options() with { Profiles = new() { ["idealised"] = new MapLimitsProfile { Fields = ["hi-column-density"] } } });
        // 32 pixels of 2 kpc cover the 16 x 4 kpc grid exactly: each model pixel is the mean of a 2 x 2 block.
        var map = Map(SkyMapFieldKind.HiColumnDensity, i => (i % 32) % 2 == 0 ? 1e20f : 3e20f, side: 32, pixelKpc: 2);

        var record = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(await One(step, At(map, 1))).Outputs);

        Assert.All(record.Log10Pixels!, v => Assert.Equal(Math.Log10(2e20), v, 4));
        Assert.Equal(0.0, record.FlooredFraction[0]);
    }

    [Fact]
    public async Task Model_pixels_outside_a_smaller_map_take_the_floor_and_a_map_covering_too_little_is_rejected_with_the_reason()
    {
        var options = Options(minimumCoverage: 0.5) with { Profiles = new() { ["idealised"] = new MapLimitsProfile { Fields = ["hi-column-density"] } } };
        // 8 pixels of 4 kpc: the central 8 x 8 of the 16 x 16 grid (a quarter of it).
        var small = Map(SkyMapFieldKind.HiColumnDensity, _ => 1e20f, side: 8);
        var covered = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(await One(Step(Options() with { Profiles = options.Profiles }), At(small, 1))).Outputs);
        var rejected = Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(await One(Step(options), At(small, 1))).Outputs);

        Assert.Equal(RecordStatus.Accepted, covered.Status);
        Assert.Equal(0.75, covered.FlooredFraction[0]);
        Assert.Equal(20.0, covered.Log10Pixels![(8 * Side) + 8], 4);
        Assert.Equal(16.0, covered.Log10Pixels![0], 4); // the HI minimum of MapInputScaling
        Assert.Equal(RecordStatus.Rejected, rejected.Status);
        Assert.Null(rejected.Log10Pixels);
        Assert.Contains("covers 25 % of the 64 kpc model grid; at least 50 % is required", rejected.RejectionReason, StringComparison.Ordinal);
        new MapFeaturesCodec().Encode(rejected);
    }

    [Fact]
    public void Options_without_the_default_profile_or_with_an_unknown_field_fail_validation()
    {
        var missingDefault = Options() with { DefaultProfile = "nope" };
        var unknownField = Options() with { Profiles = new() { ["idealised"] = new MapLimitsProfile { Fields = ["sz"] } } };

        Assert.NotEmpty(missingDefault.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(missingDefault)));
        Assert.NotEmpty(unknownField.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(unknownField)));
        Assert.Empty(Options().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(Options())));
    }

    private static IReadOnlyList<float> Pixels(StepResult<MapFeatures> result) =>
        Assert.Single(Assert.IsType<StepResult<MapFeatures>.Emitted>(result).Outputs).Log10Pixels!;
}
