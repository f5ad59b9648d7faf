namespace StreamProcessor.Integration.Tests;

/// <summary>Where the built services live: services/&lt;name&gt;/bin/&lt;configuration&gt;/net10.0/&lt;name&gt;.dll, same configuration as the tests.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ServiceDll(string service)
    {
        string path = Path.Combine(Root, "services", service, "bin", Configuration, "net10.0", service + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{service} is not built ({path}); build the solution first.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }
}
