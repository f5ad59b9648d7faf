using System.Text.Json.Nodes;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.MapInference;
using Xunit.Abstractions;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// `pipeline maps`: demo sky maps from the map generator through map-features and map-inference on the embedded broker,
/// served by untrained bundles written to a temporary folder, read back from posteriors.cgm, as a person would run it:
/// every object gets a posterior, the lone X-ray maps are served partial by the X-ray model, malformed maps reach maps.dlq.
/// </summary>
public sealed class MapsDemoTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"maps-demo-{Guid.NewGuid():N}");

    [Fact]
    public async Task Every_object_gets_a_posterior_lone_xray_maps_are_served_partial_by_the_xray_model_and_bad_maps_are_dead_lettered()
    {
        string models = Path.Combine(_folder, "models");
        string[] paths = [Path.Combine(models, "multifield"), Path.Combine(models, "xray"), Path.Combine(models, "hi")];
        SkyMapFieldKind[][] channels =
        [
            [SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity], [SkyMapFieldKind.XraySurfaceBrightness], [SkyMapFieldKind.HiColumnDensity],
        ];
        for (int i = 0; i < paths.Length; i++)
        {
            UntrainedMapBundle.Save(paths[i], UntrainedMapBundle.ServedLayout(channels[i]), CgmParameters.All, baseChannels: 4, seed: i + 1);
        }

        string outFolder = Path.Combine(_folder, "out");
        var (code, text) = await Tools.RunAsync("dotnet",
            [
                RepoPaths.ServiceDll("pipeline"), "maps", "--objects", "8", "--lone-xray-fraction", "0.25", "--malformed", "3", "--join-wait", "00:00:02",
                "--multifield-model", paths[0], "--xray-model", paths[1], "--hi-model", paths[2], "--out", outFolder, "--metrics-url", "http://127.0.0.1:0",
            ],
            timeout: TimeSpan.FromMinutes(4));
        output.WriteLine(text);

        Assert.Equal(0, code);
        Assert.DoesNotContain("UNTRAINED CNNs", text); // the bundles given were used, not the fallback
        Assert.Contains("maps published           14 (8 objects, 2 of them X-ray only) + 3 malformed", text);
        Assert.Contains("records joined           6 complete, 2 partial", text);
        Assert.Contains("posteriors received      8 (8 accepted", text);
        Assert.Contains("lone X-ray maps          2 of 2 served by the X-ray model and flagged partial", text);
        Assert.Contains("dead-lettered    3  maps.dlq", text);
        Assert.Contains("dead-lettered    0  features.maps.dlq", text);

        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.json")))!;
        Assert.Equal(6, summary["posteriors_by_model"]!["cgm-multifield-cnn-untrained"]!.GetValue<int>());
        Assert.Equal(2, summary["posteriors_by_model"]!["cgm-xray-cnn-untrained"]!.GetValue<int>());
        var rows = (await File.ReadAllLinesAsync(Path.Combine(outFolder, "posteriors.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"erass4-mhongoose-obj-{i:D6}"), rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal("accepted", r[1]));
        // Columns: object_id, status, model_name, model_version, lone_xray, out_of_distribution, ...
        Assert.All(rows.Where(r => r[4] == "True"), r => Assert.Equal(("cgm-xray-cnn-untrained", "True"), (r[2], r[5])));
        Assert.All(rows.Where(r => r[4] == "False"), r => Assert.Equal(("cgm-multifield-cnn-untrained", "False"), (r[2], r[5])));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
