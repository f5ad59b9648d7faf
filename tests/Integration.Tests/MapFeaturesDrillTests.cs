using Apache.Arrow;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Kafka;
using Xunit.Abstractions;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// map-features in its own process on the standalone broker: the X-ray and HI maps of one object arriving as separate
/// messages give one two-channel record; a lone X-ray map comes out after the join wait marked missing HI; a map held when
/// the service is killed (kill -9) is re-read by the restarted service rather than lost; malformed maps go to maps.dlq
/// with their reason while the good ones still come out.
/// </summary>
public sealed class MapFeaturesDrillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private const double Redshift = 0.05;
    private const int MapSide = 32;

    [Fact]
    public async Task Maps_of_one_object_are_joined_a_lone_map_is_published_after_the_wait_a_held_map_survives_a_kill_and_bad_maps_are_dead_lettered()
    {
        using var broker = await BrokerProcess.StartAsync();
        var kafka = new KafkaClientFactory(new KafkaOptions { BootstrapServers = broker.BootstrapServers, TopicProvisioning = TopicProvisioningMode.None });
        var codec = new SkyMapCodec();

        // (c) A lone X-ray map held by a service with a long wait, then kill -9 before the wait runs out.
        using (var patient = await ServiceProcess.StartAsync("map-features", broker.BootstrapServers, "--MapFeatures:JoinWait=00:10:00"))
        {
            Publish.Raw(kafka, Topics.Maps, SkyMapCodec.Id, [Encoded(codec, Map("held-c", SkyMapFieldKind.XraySurfaceBrightness))]);
            var deadline = DateTime.UtcNow + Patience;
            while (!(await patient.ScrapeAsync()).Contains("streamprocessor_maps_held{service=\"map-features\"} 1", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "the service never held the map:\n" + patient.Output);
                await Task.Delay(250);
            }

            patient.Kill();
        }

        using var service = await ServiceProcess.StartAsync("map-features", broker.BootstrapServers, "--MapFeatures:JoinWait=00:00:03");
        var records = new List<(string, byte[])>
        {
            // (a) X-ray first, HI half a second later (published separately below).
            Encoded(codec, Map("pair-a", SkyMapFieldKind.XraySurfaceBrightness)),
            // (b) a lone X-ray map.
            Encoded(codec, Map("lone-b", SkyMapFieldKind.XraySurfaceBrightness)),
        };
        var good = Enumerable.Range(0, 5).Select(i => $"good-{i}").ToList();
        foreach (string id in good)
        {
            records.Add(Encoded(codec, Map(id, SkyMapFieldKind.XraySurfaceBrightness)));
            records.Add(Encoded(codec, Map(id, SkyMapFieldKind.HiColumnDensity)));
        }

        // (d) malformed maps, each with the reason the worker must give it.
        var bad = new (string Id, byte[] Bytes, string Reason, string Stage)[]
        {
            ("bad-size", Unchecked(codec, Map("bad-size", SkyMapFieldKind.XraySurfaceBrightness) with { Width = MapSide - 1 }), "malformed", "decode"),
            ("bad-nan", Unchecked(codec, Map("bad-nan", SkyMapFieldKind.XraySurfaceBrightness, nanAt: 100)), "non-finite", "decode"),
            ("bad-kind", UnknownKind(codec, Map("bad-kind", SkyMapFieldKind.HiColumnDensity)), "out-of-range", "decode"),
            ("bad-units", codec.Encode(Map("bad-units", SkyMapFieldKind.XraySurfaceBrightness) with { Units = "counts s^-1 pixel^-1" }), "unknown-units", "step"),
            ("bad-square", codec.Encode(Map("bad-square", SkyMapFieldKind.HiColumnDensity) with { Width = 64, Height = 16 }), "malformed", "step"),
        };
        records.AddRange(bad.Select(b => (b.Id, b.Bytes)));
        Publish.Raw(kafka, Topics.Maps, SkyMapCodec.Id, records);
        await Task.Delay(500);
        Publish.Raw(kafka, Topics.Maps, SkyMapCodec.Id, [Encoded(codec, Map("pair-a", SkyMapFieldKind.HiColumnDensity))]);

        string[] expected = ["pair-a", "lone-b", "held-c", .. good];
        var features = TopicReader.ReadUntil(kafka, Topics.MapFeatures, r => expected.All(k => r.Any(x => x.Message.Key == k)), Patience);
        var dead = TopicReader.ReadUntil(kafka, Topics.DeadLetter(Topics.Maps), r => r.Count >= bad.Length, Patience);

        var decoded = features.Select(f => new MapFeaturesCodec().Decode(f.Message.Value)).GroupBy(f => f.ObjectId).ToDictionary(g => g.Key, g => g.Last());
        output.WriteLine($"records {features.Count} ({decoded.Count} objects), dead letters {dead.Count}: " +
            string.Join(", ", dead.Select(d => $"{d.Message.Key} {TopicReader.Header(d, MessageHeaders.DlqReason)}")));
        Assert.Equal(expected.Order(), decoded.Keys.Order());

        var pair = decoded["pair-a"];
        Assert.Equal([SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity], pair.Channels);
        Assert.Empty(pair.MissingChannels);
        Assert.Equal(2 * 128 * 128, pair.Log10Pixels!.Count);
        Assert.All(good, g => Assert.Empty(decoded[g].MissingChannels));
        foreach (string lone in (string[])["lone-b", "held-c"])
        {
            Assert.Equal(RecordStatus.Accepted, decoded[lone].Status);
            Assert.Equal([SkyMapFieldKind.XraySurfaceBrightness], decoded[lone].Channels);
            Assert.Equal([SkyMapFieldKind.HiColumnDensity], decoded[lone].MissingChannels);
        }

        // Every map's record is published at most once per join: the pair is never published half.
        Assert.All(features.Where(f => f.Message.Key == "pair-a"), f => Assert.Equal(2, new MapFeaturesCodec().Decode(f.Message.Value).Channels.Count));
        Assert.Equal(bad.Select(b => b.Id).Order(), dead.Select(d => d.Message.Key).Distinct().Order());
        Assert.All(dead, d =>
        {
            var b = bad.Single(x => x.Id == d.Message.Key);
            Assert.Equal(b.Reason, TopicReader.Header(d, MessageHeaders.DlqReason));
            Assert.Equal(b.Stage, TopicReader.Header(d, MessageHeaders.DlqStage));
            Assert.NotEmpty(TopicReader.Header(d, MessageHeaders.DlqMessage));
            Assert.Equal(Topics.Maps, TopicReader.Header(d, MessageHeaders.DlqSourceTopic));
        });
        Assert.False(service.HasExited);
    }

    internal static (string Key, byte[] Value) Encoded(SkyMapCodec codec, SkyMap map) => (codec.KeyOf(map), codec.Encode(map));

    /// <summary>A 32 × 32 map of 16 kpc pixels (512 kpc, the model grid) at z = 0.05, keyed by its object id.</summary>
    internal static SkyMap Map(string objectId, SkyMapFieldKind kind, int? nanAt = null)
    {
        double distanceKpc = Background.AngularDiameterDistanceMpcOverH(Redshift, FlatLcdm.Planck18) / FlatLcdm.Planck18.LittleH * 1000.0;
        bool xray = kind == SkyMapFieldKind.XraySurfaceBrightness;
        return new SkyMap
        {
            MapId = $"{objectId}-{kind.ToText()}",
            ObjectId = objectId,
            Survey = "erass4-mhongoose",
            FieldKind = kind,
            CentreRaDeg = 150.0,
            CentreDecDeg = 2.0,
            Redshift = Redshift,
            PixelScaleArcsec = 16.0 / distanceKpc * (180.0 * 3600.0 / Math.PI),
            Width = MapSide,
            Height = MapSide,
            Pixels = [.. Enumerable.Range(0, MapSide * MapSide).Select(i => i == nanAt ? float.NaN : xray ? 1e-13f : 1e20f)],
            Units = xray ? "erg s^-1 cm^-2 arcmin^-2" : "cm^-2",
        };
    }

    private static byte[] Unchecked(SkyMapCodec codec, SkyMap map)
    {
        using var batch = codec.ToRecordBatch(map);
        return UncheckedArrow.Write(batch);
    }

    private static byte[] UnknownKind(SkyMapCodec codec, SkyMap map)
    {
        using var batch = codec.ToRecordBatch(map);
        int index = batch.Schema.GetFieldIndex("field_kind");
        var kind = new StringArray.Builder().Append("sz-compton-y").Build();
        return UncheckedArrow.Write(new RecordBatch(batch.Schema, batch.Arrays.Select((a, i) => i == index ? kind : a), 1));
    }
}
