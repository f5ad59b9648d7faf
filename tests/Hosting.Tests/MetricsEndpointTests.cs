using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Hosting.Health;

namespace StreamProcessor.Hosting.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_endpoint_serves_the_worker_counters_and_health_reports_ready()
    {
        using var fixture = new WorkerFixture();
        await fixture.ProduceAsync(Enumerable.Range(0, 20).Select(i => ($"m{i}", fixture.Codec.Encode(new ScaledValue($"m{i}", i + 100)))));
        var health = new WorkerHealth(TimeProvider.System);
        var worker = fixture.NewWorker("metrics-probe", health);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddHealthChecks().AddCheck("workers", health, tags: ["ready"]);
        await using var app = builder.Build();
        app.MapServiceDefaults();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await worker.StartAsync(CancellationToken.None);
        fixture.ReadAll(WorkerFixture.Output, 20, TimeSpan.FromSeconds(30));

        // A record is readable from the output topic as soon as the broker appended it, but the worker counts it as
        // produced only after its delivery report, in a continuation on the thread pool: on a slow or single-core
        // machine the reader can get there first. So wait (liveness only) until the counters settle, then assert.
        const string consumedLine = "streamprocessor_records_consumed_total{service=\"metrics-probe\",topic=\"in\"} 20\n";
        const string producedLine = "streamprocessor_records_produced_total{service=\"metrics-probe\",topic=\"out\"} 20\n";
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        string metrics = await http.GetStringAsync("/metrics");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(metrics.Contains(consumedLine, StringComparison.Ordinal) && metrics.Contains(producedLine, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            metrics = await http.GetStringAsync("/metrics");
        }

        var ready = await http.GetAsync("/health/ready");
        var live = await http.GetAsync("/health/live");
        await worker.StopAsync(CancellationToken.None);

        Assert.Contains(consumedLine, metrics);
        Assert.Contains(producedLine, metrics);
        Assert.Contains("streamprocessor_batch_size_records_bucket{service=\"metrics-probe\"", metrics);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
    }
}
