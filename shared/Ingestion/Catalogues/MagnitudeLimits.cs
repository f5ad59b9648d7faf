using System.Text.Json;

namespace StreamProcessor.Ingestion.Catalogues;

/// <summary>
/// The apparent-magnitude limit of each survey's phase-space profile, read from the phase-space service's
/// configuration (section <c>PhaseSpace</c>: <c>DefaultProfile</c> and <c>Profiles:&lt;survey&gt;</c>, each with an
/// optional <c>MagnitudeLimit</c>), so that ingest can say before publishing which members that limit will drop.
/// </summary>
public sealed class MagnitudeLimits
{
    /// <summary>Where the phase-space service keeps its profiles, relative to the repository root.</summary>
    public const string DefaultConfigPath = "services/phase-space/appsettings.json";

    private readonly Dictionary<string, double?> _bySurvey;
    private readonly double? _default;

    private MagnitudeLimits(Dictionary<string, double?> bySurvey, double? fallback, string source)
    {
        _bySurvey = bySurvey;
        _default = fallback;
        Source = source;
    }

    /// <summary>The file the limits came from.</summary>
    public string Source { get; }

    /// <summary>The limit a catalogue of <paramref name="survey"/> meets (the default profile's when the survey has none).</summary>
    public double? For(string survey) => _bySurvey.TryGetValue(survey, out double? limit) ? limit : _default;

    /// <exception cref="InvalidDataException">Not JSON, or no PhaseSpace section.</exception>
    public static MagnitudeLimits Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("PhaseSpace", out var section) || section.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} has no PhaseSpace section");
        }

        var bySurvey = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
        if (section.TryGetProperty("Profiles", out var profiles) && profiles.ValueKind == JsonValueKind.Object)
        {
            foreach (var profile in profiles.EnumerateObject()) bySurvey[profile.Name] = LimitOf(profile.Value);
        }

        return new MagnitudeLimits(
            bySurvey, section.TryGetProperty("DefaultProfile", out var fallback) ? LimitOf(fallback) : null, Path.GetFullPath(path));
    }

    /// <summary>The configuration at <paramref name="explicitPath"/>, else <see cref="DefaultConfigPath"/> under the working directory or a folder above the app; null when none exists.</summary>
    public static MagnitudeLimits? Find(string? explicitPath)
    {
        if (explicitPath is not null) return Load(explicitPath);
        var folders = new List<string> { Directory.GetCurrentDirectory() };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent) folders.Add(dir.FullName);
        string? found = folders.Select(f => Path.Combine(f, DefaultConfigPath)).FirstOrDefault(File.Exists);
        return found is null ? null : Load(found);
    }

    private static double? LimitOf(JsonElement profile) =>
        profile.ValueKind == JsonValueKind.Object && profile.TryGetProperty("MagnitudeLimit", out var limit) && limit.ValueKind == JsonValueKind.Number
            ? limit.GetDouble()
            : null;
}
