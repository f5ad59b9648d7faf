using System.Diagnostics;

namespace StreamProcessor.Integration.Tests;

/// <summary>External programs the integration tests use as real peers (installed by .ci/run).</summary>
internal static class Tools
{
    /// <summary>The full path of a program on PATH; fails the test with the install hint when it is missing.</summary>
    public static string Require(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException($"'{program}' is not installed; .ci/run installs it (apt-get install kcat prometheus).");
    }

    /// <summary>Runs a program to completion with optional standard input; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, string? standardInput = null, TimeSpan? timeout = null, Dictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(Require(program), arguments)
        {
            RedirectStandardInput = standardInput is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (name, value) in environment ?? []) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
            process.StandardInput.Close();
        }

        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
