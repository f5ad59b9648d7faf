namespace StreamProcessor.Deployment.Tests;

/// <summary>Exit code and output of a finished external command.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe(string command) => $"`{command}` exited with {ExitCode}\n{StandardOutput}\n{StandardError}".TrimEnd();
}
