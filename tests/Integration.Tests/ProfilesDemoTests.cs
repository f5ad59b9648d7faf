using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// `pipeline profiles`: demo stacks from the shipped emulator through the shipped profile model on the embedded broker,
/// read back from posteriors.params and compared with the truth, as a person would run it.
/// </summary>
public sealed class ProfilesDemoTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"profiles-demo-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_demo_publishes_stacks_and_every_one_comes_back_as_a_posterior()
    {
        var (code, text) = await Tools.RunAsync("dotnet",
            [RepoPaths.ServiceDll("pipeline"), "profiles", "--profiles", "200", "--out", _folder, "--metrics-url", "http://127.0.0.1:0"],
            timeout: TimeSpan.FromMinutes(4));
        output.WriteLine(text);

        Assert.Equal(0, code);
        Assert.Contains("profiles published       200", text);
        Assert.Contains("posteriors received      200 (200 accepted", text);
        Assert.Contains("dead-lettered    0  profiles.dlq", text);
        Assert.Contains("cosmological  vs truth", text);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "summary.json")))!;
        Assert.Equal(200, summary["accepted"]!.GetValue<int>());
        // The default model infers Omega0 from finite stacks far better than chance (its card: r 0.82 on emulated stacks of 10-99 halos).
        Assert.True(summary["parameters"]!["Omega0"]!["pearson_r"]!.GetValue<double>() > 0.5, summary["parameters"]!["Omega0"]!.ToJsonString());
        Assert.True(new FileInfo(Path.Combine(_folder, "predicted-vs-true.png")).Length > 1000);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
