using StreamProcessor.Emulation.Camels;

namespace StreamProcessor.Emulation.Tests;

/// <summary>The real CAMELS-zoomGZ28 subset beside the repository (../shared/data), loaded once per test run.</summary>
internal static class CamelsData
{
    public static string Folder { get; } = Path.Combine(FindRoot(), "..", "shared", "data", "camels-zoomgz28");

    private static readonly Lazy<CamelsZoomDataset> Loaded = new(() => CamelsZoomDataset.Load(Folder));

    public static CamelsZoomDataset Dataset => Loaded.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }
}
