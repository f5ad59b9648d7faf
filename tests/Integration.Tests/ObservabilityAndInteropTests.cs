using System.Text.Json;
using System.Text.RegularExpressions;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Kafka;
using Xunit.Abstractions;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// The catalogue path watched and read by real peers: Prometheus scraping the services, promtool on every
/// /metrics, kcat reading keys and headers, and a Node.js consumer decoding the Arrow records. profile-inference,
/// map-features and map-inference run beside it (on a few stacks and maps, one of each kind of outcome) so that every
/// metric the dashboard queries has a service exporting it.
/// </summary>
public sealed partial class ObservabilityAndInteropTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _profileBundle = Directory.CreateTempSubdirectory("observability-profile-bundle-").FullName;

    public void Dispose() => Directory.Delete(_profileBundle, recursive: true);

    private const int Catalogues = 300;

    /// <summary>
    /// Liveness bound for Prometheus to scrape (every 1 s) the final counter values. The wait ends as soon as the value
    /// is there, and the test asserts the value, so this only has to be long enough for a slow or single-core machine
    /// running the broker, three services and Prometheus at once.
    /// </summary>
    private static readonly TimeSpan ScrapePatience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Prometheus_scrapes_the_services_and_real_peers_read_the_posteriors()
    {
        using var broker = await BrokerProcess.StartAsync();
        var kafka = new KafkaClientFactory(new KafkaOptions { BootstrapServers = broker.BootstrapServers, TopicProvisioning = TopicProvisioningMode.None });
        using var phaseSpace = await ServiceProcess.StartAsync("phase-space", broker.BootstrapServers);
        using var massInference = await ServiceProcess.StartAsync("mass-inference", broker.BootstrapServers);
        using var massFunction = await ServiceProcess.StartAsync("massfunction", broker.BootstrapServers);
        using var profileInference = await ProfileService.StartAsync(broker.BootstrapServers, _profileBundle);
        using var mapFeatures = await ServiceProcess.StartAsync("map-features", broker.BootstrapServers, "--MapFeatures:JoinWait=00:00:01");
        // The shipped models (models/cgm-*-cnn, found above the service's folder): they must load in the service as they are.
        using var mapInference = await ServiceProcess.StartAsync("map-inference", broker.BootstrapServers, "--MapInference:Device=cpu");
        using var prometheus = await PrometheusServer.StartAsync([
            ("phase-space", $"127.0.0.1:{phaseSpace.Port}"), ("mass-inference", $"127.0.0.1:{massInference.Port}"), ("massfunction", $"127.0.0.1:{massFunction.Port}")]);
        var catalogues = DemoSurvey.Generate(Catalogues, 21);

        Publish.Catalogues(kafka, catalogues);
        // Two stacks, one without the temperature profile the model reads (a rejected posterior, counted by reason).
        var stacks = DemoProfiles.Generate(2, ProfileService.Radii, seed: 31).Select((p, i) => i == 0 ? p with { GasTemperatureKev = null } : p).ToList();
        Publish.Raw(kafka, Topics.Profiles, StackedProfileCodec.Id, stacks.Select(p => (p.ProfileId, new StackedProfileCodec().Encode(p))));
        TopicReader.ReadUntil(kafka, Topics.ParameterPosteriors, r => TopicReader.DistinctKeys(r) >= stacks.Count, TimeSpan.FromMinutes(3));
        // Maps: one object joined complete, one lone X-ray map (partial: served by the X-ray model), and one covering
        // too little of the model grid (rejected by map-features, and so a rejected CGM posterior).
        var skyMaps = new[]
        {
            MapFeaturesDrillTests.Map("obs-pair", SkyMapFieldKind.XraySurfaceBrightness),
            MapFeaturesDrillTests.Map("obs-pair", SkyMapFieldKind.HiColumnDensity),
            MapFeaturesDrillTests.Map("obs-lone", SkyMapFieldKind.XraySurfaceBrightness),
            MapFeaturesDrillTests.Map("obs-small", SkyMapFieldKind.XraySurfaceBrightness) with { Width = 4, Height = 4, Pixels = [.. Enumerable.Repeat(1e-13f, 16)] },
        };
        var skyMapCodec = new SkyMapCodec();
        Publish.Raw(kafka, Topics.Maps, SkyMapCodec.Id, [.. skyMaps.Select(m => MapFeaturesDrillTests.Encoded(skyMapCodec, m))]);
        var cgm = TopicReader.ReadUntil(kafka, Topics.CgmPosteriors, r => TopicReader.DistinctKeys(r) >= 3, TimeSpan.FromMinutes(3));
        Assert.Equal(3, TopicReader.DistinctKeys(cgm));
        var posteriors = TopicReader.ReadUntil(kafka, Topics.MassPosteriors, r => TopicReader.DistinctKeys(r) >= Catalogues, TimeSpan.FromMinutes(3));
        Assert.Equal(Catalogues, TopicReader.DistinctKeys(posteriors));

        // Prometheus's own view of the counters equals what was sent.
        var consumed = await prometheus.WaitForAsync("streamprocessor_records_consumed_total{service=\"phase-space\"}", Catalogues, ScrapePatience);
        var produced = await prometheus.WaitForAsync("streamprocessor_records_produced_total{service=\"phase-space\"}", Catalogues, ScrapePatience);
        var inferred = await prometheus.WaitForAsync("streamprocessor_records_consumed_total{service=\"mass-inference\"}", Catalogues, ScrapePatience);
        var published = await prometheus.WaitForAsync("streamprocessor_records_produced_total{service=\"mass-inference\"}", Catalogues, ScrapePatience);
        output.WriteLine($"prometheus: phase-space consumed {consumed} produced {produced}; mass-inference consumed {inferred} produced {published}");
        Assert.Equal(Catalogues, consumed);
        Assert.Equal(Catalogues, produced);
        Assert.Equal(Catalogues, inferred);
        Assert.Equal(Catalogues, published);

        // promtool accepts every service's exposition, and the dashboard's metrics are all exported.
        var exported = new HashSet<string>();
        var mfConsumed = await prometheus.WaitForAsync("streamprocessor_records_consumed_total{service=\"massfunction\"}", Catalogues, ScrapePatience);
        Assert.Equal(Catalogues, mfConsumed);
        foreach (var service in new[] { phaseSpace, massInference, massFunction, profileInference, mapFeatures, mapInference })
        {
            string text = await service.ScrapeAsync();
            var (code, lint) = await Tools.RunAsync("promtool", ["check", "metrics"], text);
            Assert.True(code == 0, $"promtool check metrics on {service.Service}: {lint}");
            foreach (Match m in MetricFamily().Matches(text)) exported.Add(m.Groups[1].Value);
        }

        var missing = DashboardMetrics().Where(m => !exported.Contains(m)).ToList();
        Assert.True(missing.Count == 0, "dashboard queries metrics no service exports: " + string.Join(", ", missing));

        // kcat (librdkafka's CLI) reads keys and headers.
        var (kcatCode, kcatOut) = await Tools.RunAsync("kcat", ["-b", broker.BootstrapServers, "-C", "-t", Topics.MassPosteriors, "-e", "-q", "-f", "%k\t%h\n"], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(0, kcatCode);
        var kcatLines = kcatOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(posteriors.Count, kcatLines.Length);
        Assert.All(kcatLines, line => Assert.Contains("schema=posterior", line));
        Assert.Equal(posteriors.Select(p => p.Message.Key).Order(), kcatLines.Select(l => l.Split('\t')[0]).Order());

        // A Node.js consumer (kafkajs + apache-arrow) reads the same values the C# side sent.
        var codec = new PosteriorCodec();
        var sent = posteriors.Select(p => codec.Decode(p.Message.Value)).GroupBy(p => p.ObjectId).ToDictionary(g => g.Key, g => g.First());
        var (nodeCode, nodeOut) = await Tools.RunAsync("node", [Path.Combine(RepoPaths.Root, "tests", "interop-node", "read-posteriors.mjs")], timeout: TimeSpan.FromSeconds(120),
            environment: new() { ["BOOTSTRAP"] = broker.BootstrapServers, ["EXPECTED"] = posteriors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(nodeCode == 0, nodeOut);
        var rows = nodeOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(posteriors.Count, rows.Count);
        foreach (var row in rows)
        {
            var mine = sent[row.GetProperty("objectId").GetString()!];
            Assert.Equal(mine.ObjectId, row.GetProperty("key").GetString());
            Assert.Equal("posterior", row.GetProperty("schema").GetString());
            Assert.Equal(MessageHeaders.ArrowStreamContentType, row.GetProperty("contentType").GetString());
            Assert.Equal(PosteriorCodec.Id.Version, row.GetProperty("metadataSchemaVersion").GetString());
            Assert.Equal(mine.Status.ToString().ToLowerInvariant(), row.GetProperty("status").GetString());
            if (mine.Log10M200c is { } mean)
            {
                Assert.Equal(mean, row.GetProperty("log10M200c").GetDouble(), 12);
                Assert.Equal(mine.SigmaLog10M200c!.Value, row.GetProperty("sigmaLog10M200c").GetDouble(), 12);
            }
        }
    }

    /// <summary>Metric names in the provisioned Grafana dashboard's queries (histogram suffixes folded).</summary>
    private static IEnumerable<string> DashboardMetrics()
    {
        string json = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "grafana", "dashboards", "streamprocessor.json"));
        return QueryMetric().Matches(json).Select(m => m.Value).Select(name => BucketSuffix().Replace(name, "")).Distinct();
    }

    [GeneratedRegex(@"^# TYPE (\S+) ", RegexOptions.Multiline)]
    private static partial Regex MetricFamily();

    [GeneratedRegex(@"streamprocessor_[a-z0-9_]+")]
    private static partial Regex QueryMetric();

    [GeneratedRegex(@"_(bucket|sum|count)$")]
    private static partial Regex BucketSuffix();
}
