using System.Security.Cryptography;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Finding a model bundle from a service setting, and the card hash every posterior carries: shared by the services
/// that load a bundle (mass-inference, profile-inference), so both resolve a relative path the same way.
/// </summary>
public static class ModelFolder
{
    /// <summary>
    /// The first folder holding a card among the path itself, below the app folder, and below each folder above the app
    /// folder (so `models/...` is found from bin/ of a development checkout and from /app of an image).
    /// </summary>
    /// <exception cref="FileNotFoundException">No candidate holds a card.</exception>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var candidates = new List<string> { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, path));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, ModelBundle.CardFileName)))
            ?? throw new FileNotFoundException($"No model bundle ({ModelBundle.CardFileName}) found for '{path}'.");
    }

    /// <summary>SHA-256 of the folder's card.json, lowercase hex: stamped on every posterior so a reader knows the exact model.</summary>
    public static string CardSha256(string folder) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, ModelBundle.CardFileName))));
}
