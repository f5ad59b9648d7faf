using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// One service (phase-space, mass-inference, massfunction) as its own OS process against a given broker,
/// with its metrics on a free loopback port. Kill() is SIGKILL (kill -9); Terminate() is SIGTERM.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process _process;

    private ServiceProcess(string service, string bootstrap, int port, string[] extra)
    {
        Service = service;
        Bootstrap = bootstrap;
        Port = port;
        Extra = extra;
        _process = Launch();
    }

    public string Service { get; }
    public string Bootstrap { get; }
    public int Port { get; }
    public string[] Extra { get; }
    public string MetricsUrl => $"http://127.0.0.1:{Port}/metrics";
    public int ProcessId => _process.Id;
    public bool HasExited => _process.HasExited;
    public string Output => string.Join('\n', _output);

    public static async Task<ServiceProcess> StartAsync(string service, string bootstrap, params string[] extra)
    {
        var process = new ServiceProcess(service, bootstrap, FreePort(), extra);
        await process.WaitReadyAsync();
        return process;
    }

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>SIGTERM: the host stops gracefully (flush, commit) and exits.</summary>
    public async Task TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }

        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
    }

    /// <summary>Starts the same service again (same group, same port) after a kill or stop.</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = Launch();
        await WaitReadyAsync();
    }

    public async Task<string> ScrapeAsync()
    {
        using var http = new HttpClient();
        return await http.GetStringAsync(MetricsUrl);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private Process Launch()
    {
        var info = new ProcessStartInfo("dotnet", [RepoPaths.ServiceDll(Service), "--bootstrap", Bootstrap, "--urls", $"http://127.0.0.1:{Port}", .. Extra])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Service} exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{Port}/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Service} not ready in 90 s:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
