namespace StreamProcessor.Deployment.Tests;

/// <summary>Debian's promtool (package "prometheus"; .ci/run installs it), run from the repository root.</summary>
internal static class Promtool
{
    public static ProcessResult Run(params string[] arguments)
    {
        string promtool = ExternalCommand.Require(
            "promtool", "Install Debian's `prometheus` package (apt-get install prometheus), as .ci/run does.");
        return ExternalCommand.Run(promtool, arguments, RepositoryRoot.Path);
    }
}
