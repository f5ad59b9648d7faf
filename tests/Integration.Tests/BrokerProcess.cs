using System.Diagnostics;

namespace StreamProcessor.Integration.Tests;

/// <summary>The standalone `broker` command in its own process, with its stdin fault-injection commands.</summary>
internal sealed class BrokerProcess : IDisposable
{
    private readonly Process _process;

    private BrokerProcess(Process process, string bootstrap)
    {
        _process = process;
        BootstrapServers = bootstrap;
    }

    public string BootstrapServers { get; }

    public static async Task<BrokerProcess> StartAsync()
    {
        var process = Process.Start(new ProcessStartInfo("dotnet", [RepoPaths.ServiceDll("broker")])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("bootstrap: ", StringComparison.Ordinal))
            {
                _ = DrainAsync(process.StandardOutput);
                return new BrokerProcess(process, line["bootstrap: ".Length..].Trim());
            }
        }

        throw new InvalidOperationException("broker exited without printing its bootstrap address");
    }

    public Task DownAsync() => SendAsync("down 1");

    public Task UpAsync() => SendAsync("up 1");

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private async Task SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }
}
