namespace StreamProcessor.Science.Tests;

/// <summary>The repository root (the folder holding StreamProcessor.sln), for the shipped model and calibration.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Model => Path.Combine(Root, "models", "mass-cnn-2d");

    public static string Calibration => Path.Combine(Model, "selection-calibration.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }
}
