namespace StreamProcessor.Contracts.Tests;

/// <summary>Locates the repository root (the folder holding StreamProcessor.sln) from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string SchemaFolder(string schemaName) => Path.Combine(Schemas, schemaName);

    public static string DefinitionFile(SchemaId id) => Path.Combine(SchemaFolder(id.Name), $"{id.Version}.json");

    public static string GoldenFile(SchemaId id) => Path.Combine(SchemaFolder(id.Name), $"{id.Version}.golden.arrows");

    /// <summary>True when the golden files and definitions should be (re)written rather than compared.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"no StreamProcessor.sln above {AppContext.BaseDirectory}");
    }
}
