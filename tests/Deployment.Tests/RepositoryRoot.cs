namespace StreamProcessor.Deployment.Tests;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries holding StreamProcessor.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Absolute path of a repository-relative path written with forward slashes (as in compose and Dockerfiles).</summary>
    public static string Resolve(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));

    public static string ReadAllText(string relativePath)
    {
        string path = Resolve(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing (looked at {path})");
        return File.ReadAllText(path);
    }

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "StreamProcessor.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No StreamProcessor.sln above {AppContext.BaseDirectory}");
    }
}
