using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// Debian's real Prometheus, started on 127.0.0.1 with a throw-away TSDB, scraping the given targets every
/// second. Queries go through its HTTP API (/api/v1/query), as an operator's dashboards would.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly HttpClient _http;

    private PrometheusServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public static async Task<PrometheusServer> StartAsync(IEnumerable<(string Job, string Target)> targets)
    {
        string binary = Tools.Require("prometheus");
        string folder = Directory.CreateTempSubdirectory("prometheus-").FullName;
        int port = FreePort();
        var jobs = targets.Select(t => $"  - job_name: {t.Job}\n    scrape_interval: 1s\n    static_configs:\n      - targets: ['{t.Target}']\n");
        string config = Path.Combine(folder, "prometheus.yml");
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1s\nscrape_configs:\n" + string.Concat(jobs));
        var process = Process.Start(new ProcessStartInfo(binary,
            [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(folder, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PrometheusServer(process, folder, port);
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>Sum of an instant-vector query, or null while Prometheus has no sample for it.</summary>
    public async Task<double?> QueryScalarAsync(string promql)
    {
        using var response = await _http.GetAsync($"/api/v1/query?query={Uri.EscapeDataString($"sum({promql})")}");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        if (result.GetArrayLength() == 0) return null;
        return double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Polls until the query returns <paramref name="expected"/> or the timeout passes; returns the last value.</summary>
    public async Task<double?> WaitForAsync(string promql, double expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        double? value = null;
        while (DateTime.UtcNow < deadline)
        {
            value = await QueryScalarAsync(promql);
            if (value == expected) return value;
            await Task.Delay(500);
        }

        return value;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        _process.Dispose();
        _http.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode}");
            try
            {
                if ((await _http.GetAsync("/-/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("prometheus did not become ready in 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
