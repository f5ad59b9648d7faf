using StreamProcessor.Contracts.Messages;
using StreamProcessor.MapInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// The map model bundles `pipeline maps` and `bench maps` serve, one per channel set: the bundle at each configured path,
/// or, where none exists yet, an untrained bundle of the trainer's shape (<see cref="UntrainedMapBundle"/>) in a
/// temporary folder, deleted on dispose. <see cref="Warning"/> says which were replaced: their posteriors mean nothing.
/// </summary>
public sealed class ServedMapModels : IDisposable
{
    /// <summary>Channels of the first block of the untrained CNNs (the trainer's `maps train --base-channels` default).</summary>
    public const int UntrainedBaseChannels = 8;

    private readonly string? _temporaryRoot;

    private ServedMapModels(IReadOnlyList<string> folders, IReadOnlyList<string> untrained, string? temporaryRoot)
    {
        Folders = folders;
        Untrained = untrained;
        _temporaryRoot = temporaryRoot;
    }

    /// <summary>The multifield, X-ray and HI channel sets with the trainer's output folders (models/cgm-*-cnn).</summary>
    public static IReadOnlyList<(string Path, IReadOnlyList<SkyMapFieldKind> Channels)> Defaults { get; } =
    [
        ("models/cgm-multifield-cnn", [SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity]),
        ("models/cgm-xray-cnn", [SkyMapFieldKind.XraySurfaceBrightness]),
        ("models/cgm-hi-cnn", [SkyMapFieldKind.HiColumnDensity]),
    ];

    /// <summary>The bundle folders, in the order given.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The paths given that held no bundle and are served by an untrained one.</summary>
    public IReadOnlyList<string> Untrained { get; }

    /// <summary>Configuration for map-inference: MapInference:ModelPaths:i=folder.</summary>
    public IReadOnlyList<string> ServiceArgs => [.. Folders.Select((f, i) => $"--MapInference:ModelPaths:{i}={f}")];

    /// <summary>A warning to print when any model is untrained; null when every one is a trained bundle.</summary>
    public string? Warning => Untrained.Count == 0 ? null :
        $"WARNING: no trained map model at {string.Join(", ", Untrained.Select(u => $"'{u}'"))}: serving freshly initialised, UNTRAINED CNNs " +
        "of the trainer's shape in their place (services/trainer `maps train` writes the real ones). Their timings hold; their posteriors MEAN NOTHING.";

    /// <summary>Resolves each path (<see cref="ModelFolder.Resolve"/>); a path without a bundle gets an untrained one reading its channels.</summary>
    public static ServedMapModels Resolve(IReadOnlyList<(string Path, IReadOnlyList<SkyMapFieldKind> Channels)> models, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(models);
        var folders = new List<string>();
        var untrained = new List<string>();
        string? root = null;
        foreach (var (path, channels) in models)
        {
            if (TryResolve(path) is { } folder)
            {
                folders.Add(folder);
                continue;
            }

            root ??= Directory.CreateTempSubdirectory("untrained-map-models-").FullName;
            string fallback = Path.Combine(root, $"cgm-{MapModelLayout.Label(channels).Replace('+', '-')}-cnn");
            UntrainedMapBundle.Save(fallback, UntrainedMapBundle.ServedLayout(channels), CgmParameters.All, UntrainedBaseChannels, seed);
            folders.Add(fallback);
            untrained.Add(path);
        }

        return new ServedMapModels(folders, untrained, root);
    }

    public void Dispose()
    {
        if (_temporaryRoot is not null && Directory.Exists(_temporaryRoot)) Directory.Delete(_temporaryRoot, recursive: true);
    }

    private static string? TryResolve(string path)
    {
        try
        {
            string folder = ModelFolder.Resolve(path);
            return File.Exists(Path.Combine(folder, ModelBundle.CardFileName)) ? folder : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
