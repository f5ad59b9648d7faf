using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.MapFeatureExtraction;
using StreamProcessor.Maps;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>
/// The demo sky maps of `pipeline maps` and `bench maps` (shared/Ingestion/Demo/DemoMaps): observed as a survey would
/// publish them, they come out of map-features' channel builder as the very inputs the trainer makes from the same halo
/// (services/trainer/Maps/MapData: the erass4-mhongoose floors, then MapInputScaling), so trained models see their
/// training distribution; the lone and malformed maps are what the options ask for.
/// </summary>
public sealed class DemoMapsTests
{
    private static readonly MapLimitsProfile Erass4Mhongoose = new() { XrayFloorErgPerSPerCm2PerArcmin2 = 1e-15, HiFloorCm2 = 3e19 };

    [Fact]
    public void Demo_maps_through_map_features_give_the_inputs_the_trainer_makes_from_the_same_halo()
    {
        const ulong seed = 3;
        var demo = DemoMaps.Generate(new DemoMapsOptions { Objects = 3, Seed = seed, LoneXrayFraction = 0, Malformed = 0, Parallelism = 1 });
        var builder = new MapChannelBuilder(new MapFeaturesOptions(), FlatLcdm.Planck18);
        var limits = SurveyLimits.Erass4Mhongoose;

        for (int i = 0; i < demo.Objects.Count; i++)
        {
            var halo = MapGenerator.GenerateOne(MapSettings.Cgm, GalaxyFormationModel.TngLike, seed, i);
            var projection = halo.Projections[i % MapGenerator.ProjectionsPerHalo];
            var expectedXray = new float[projection.Xray.Length];
            MapInputScaling.XrayInto(limits.ApplyToXray(projection.Xray), expectedXray);
            var expectedHi = new float[projection.Hi.Length];
            MapInputScaling.HiInto(limits.ApplyToHi(projection.Hi), expectedHi);
            var o = demo.Objects[i];

            Assert.Null(builder.Check(o.Xray));
            Assert.Null(builder.Check(o.Hi!));
            var xray = builder.Build(o.Xray, Erass4Mhongoose);
            var hi = builder.Build(o.Hi!, Erass4Mhongoose);
            Assert.Null(xray.RejectionReason);
            Assert.Null(hi.RejectionReason);
            // float32 pixels and a resampling at the same 4 kpc scale: agreement to well under a thousandth of a dex.
            Assert.True(MaxDifference(expectedXray, xray.Log10Pixels!) < 1e-3, $"X-ray differs by {MaxDifference(expectedXray, xray.Log10Pixels!)} dex");
            Assert.True(MaxDifference(expectedHi, hi.Log10Pixels!) < 1e-3, $"HI differs by {MaxDifference(expectedHi, hi.Log10Pixels!)} dex");
            Assert.Equal(halo.Targets.ToArray(), o.TrueValues);
            Assert.Equal(o.TrueValues, o.Xray.TrueValues);
            Assert.Equal(o.ObjectId, o.Hi!.ObjectId);
            Assert.Equal(DemoMaps.XrayUnits, o.Xray.Units);
            Assert.Equal("erass4-mhongoose", o.Xray.Survey);
        }
    }

    [Fact]
    public void Lone_xray_objects_send_no_hi_and_each_malformed_map_is_refused_for_its_defect()
    {
        var demo = DemoMaps.Generate(new DemoMapsOptions { Objects = 10, Seed = 1, LoneXrayFraction = 0.3, Malformed = 3, Parallelism = 2 });
        var codec = new SkyMapCodec();
        var builder = new MapChannelBuilder(new MapFeaturesOptions(), FlatLcdm.Planck18);

        Assert.Equal(3, demo.Objects.Count(o => o.LoneXray));
        Assert.Equal(17, demo.Maps.Count);
        Assert.All(demo.Maps, m => codec.Decode(codec.Encode(m)));
        Assert.Equal(["non-finite", "malformed", "unknown-units"], demo.Malformed.Select(m => m.Defect));
        Assert.Equal(ValidationReason.NonFinite, Assert.Throws<RecordValidationException>(() => codec.Decode(demo.Malformed[0].Payload)).Reason);
        Assert.Equal(ValidationReason.Malformed, Assert.Throws<RecordValidationException>(() => codec.Decode(demo.Malformed[1].Payload)).Reason);
        Assert.Equal("unknown-units", builder.Check(codec.Decode(demo.Malformed[2].Payload))!.Reason);
        Assert.DoesNotContain(demo.Malformed, m => demo.TrueValues.ContainsKey(m.Key));
    }

    private static double MaxDifference(float[] expected, IReadOnlyList<float> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        return expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
    }
}
