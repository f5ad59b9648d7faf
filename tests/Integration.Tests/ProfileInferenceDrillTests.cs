using System.Text.Json;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Kafka;
using Xunit.Abstractions;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// The stacked-profile branch with the standalone broker and profile-inference in its own process (<see cref="ProfileService"/>,
/// an untrained bundle of the shipped model's shape in a temporary folder): bad profiles are dead-lettered
/// with their reason, profiles the model cannot read come out as rejected posteriors, and a Node.js consumer reads the
/// posterior records (the current minor version) of posteriors.params.
/// </summary>
public sealed class ProfileInferenceDrillTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string _bundle = Directory.CreateTempSubdirectory("profile-drill-bundle-").FullName;

    public void Dispose() => Directory.Delete(_bundle, recursive: true);

    [Fact]
    public async Task Malformed_profiles_are_dead_lettered_with_their_reason_while_every_good_one_gets_a_posterior()
    {
        using var broker = await BrokerProcess.StartAsync();
        var kafka = Kafka(broker);
        using var service = await ProfileService.StartAsync(broker.BootstrapServers, _bundle);
        int pid = service.ProcessId;
        // Every tenth good stack lacks the temperature profile the model reads, and every tenth (offset 5) has its X-ray
        // surface brightness only in the absolute column, not the relative units the model reads: rejected posteriors, not dead letters.
        var good = DemoProfiles.Generate(300, ProfileService.Radii, seed: 17).Select((p, i) => (i % 10) switch
        {
            0 => p with { GasTemperatureKev = null },
            5 => p with { XraySurfaceBrightness = [.. p.XraySurfaceBrightnessRelative!.Select(s => s * 1e-10)], XraySurfaceBrightnessRelative = null },
            _ => p,
        }).ToList();
        var codec = new StackedProfileCodec();
        var records = new List<(string, byte[])>();
        for (int i = 0; i < good.Count; i++)
        {
            records.Add((good[i].ProfileId, codec.Encode(good[i])));
            if (i >= 250) continue;
            var (kind, _) = MalformedProfiles.Kinds[i % MalformedProfiles.Kinds.Length];
            records.Add(($"bad-{kind}-{i}", MalformedProfiles.Make(kind, DemoProfiles.Generate(1, ProfileService.Radii, seed: (ulong)i)[0])));
        }

        Publish.Raw(kafka, Topics.Profiles, StackedProfileCodec.Id, records);
        var posteriors = TopicReader.ReadUntil(kafka, Topics.ParameterPosteriors, r => TopicReader.DistinctKeys(r) >= good.Count, Patience);
        var dead = TopicReader.ReadUntil(kafka, Topics.DeadLetter(Topics.Profiles), r => r.Count >= 250, Patience);

        var decoded = posteriors.Select(p => new PosteriorCodec().Decode(p.Message.Value)).GroupBy(p => p.ObjectId).ToDictionary(g => g.Key, g => g.First());
        output.WriteLine($"posteriors {decoded.Count} distinct ({decoded.Values.Count(p => p.Status == RecordStatus.Rejected)} rejected), dead letters {dead.Count}: " +
            string.Join(", ", dead.GroupBy(d => TopicReader.Header(d, MessageHeaders.DlqReason)).Select(g => $"{g.Key} {g.Count()}")));
        Assert.Equal(good.Select(g => g.ProfileId).Order(), decoded.Keys.Order());
        Assert.All(good, g =>
        {
            var posterior = decoded[g.ProfileId];
            if (g.GasTemperatureKev is null)
            {
                Assert.Equal(RecordStatus.Rejected, posterior.Status);
                Assert.Contains("gas_temperature_kev", posterior.RejectionReason);
                return;
            }

            if (g.XraySurfaceBrightnessRelative is null)
            {
                Assert.Equal(RecordStatus.Rejected, posterior.Status);
                Assert.StartsWith("the profile has no xray_surface_brightness_relative (xsb)", posterior.RejectionReason);
                return;
            }

            Assert.Equal(RecordStatus.Accepted, posterior.Status);
            Assert.Equal(ProfileService.Parameters.Select(p => p.Name), posterior.ParameterNames);
            Assert.Equal(ProfileService.Parameters.Select(p => p.Unit), posterior.ParameterUnits!);
            Assert.Equal(Topics.Profiles, posterior.Provenance.SourceTopic);
        });
        Assert.Equal(250, dead.Select(d => d.Message.Key).Distinct().Count());
        Assert.All(dead, d =>
        {
            string kind = MalformedProfiles.Kinds.Single(k => d.Message.Key.StartsWith($"bad-{k.Kind}-", StringComparison.Ordinal)).Reason;
            DeadLetterAssertions.RefusedOnDecode(d, Topics.Profiles);
            Assert.Equal(kind, TopicReader.Header(d, MessageHeaders.DlqReason));
            Assert.Equal("stacked-profile", TopicReader.Header(d, MessageHeaders.SchemaName));
        });
        Assert.False(service.HasExited);
        Assert.Equal(pid, service.ProcessId);
    }

    [Fact]
    public async Task A_node_consumer_reads_the_units_and_moments_of_the_parameter_posteriors()
    {
        using var broker = await BrokerProcess.StartAsync();
        var kafka = Kafka(broker);
        using var service = await ProfileService.StartAsync(broker.BootstrapServers, _bundle);
        var profiles = DemoProfiles.Generate(40, ProfileService.Radii, seed: 23);
        var codec = new StackedProfileCodec();
        Publish.Raw(kafka, Topics.Profiles, StackedProfileCodec.Id, profiles.Select(p => (p.ProfileId, codec.Encode(p))));
        var posteriors = TopicReader.ReadUntil(kafka, Topics.ParameterPosteriors, r => TopicReader.DistinctKeys(r) >= profiles.Count, Patience);

        var (code, nodeOut) = await Tools.RunAsync("node", [Path.Combine(RepoPaths.Root, "tests", "interop-node", "read-posteriors.mjs")], timeout: TimeSpan.FromSeconds(120),
            environment: new()
            {
                ["BOOTSTRAP"] = broker.BootstrapServers,
                ["TOPIC"] = Topics.ParameterPosteriors,
                ["EXPECTED"] = posteriors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });

        Assert.True(code == 0, nodeOut);
        var sent = posteriors.Select(p => new PosteriorCodec().Decode(p.Message.Value)).GroupBy(p => p.ObjectId).ToDictionary(g => g.Key, g => g.First());
        var rows = nodeOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(posteriors.Count, rows.Count);
        foreach (var row in rows)
        {
            var mine = sent[row.GetProperty("objectId").GetString()!];
            Assert.Equal(PosteriorCodec.Id.Version, row.GetProperty("metadataSchemaVersion").GetString());
            Assert.Equal(mine.ParameterNames, row.GetProperty("parameterNames").EnumerateArray().Select(e => e.GetString()!));
            Assert.Equal(mine.ParameterUnits!, row.GetProperty("parameterUnits").EnumerateArray().Select(e => e.GetString()!));
            Assert.Equal(mine.Mean, row.GetProperty("mean").EnumerateArray().Select(e => e.GetDouble()));
            Assert.Equal(mine.Sigma, row.GetProperty("sigma").EnumerateArray().Select(e => e.GetDouble()));
        }
    }

    private static KafkaClientFactory Kafka(BrokerProcess broker) =>
        new(new KafkaOptions { BootstrapServers = broker.BootstrapServers, TopicProvisioning = TopicProvisioningMode.None });
}
