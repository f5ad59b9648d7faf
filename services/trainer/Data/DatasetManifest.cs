using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// <c>manifest.json</c> next to <c>samples.bin</c>: how the dataset was made (seed, simulator and feature options as
/// JSON) and what it holds. Everything needed to regenerate it bit for bit with <c>trainer simulate</c>.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>Format of samples.bin (<see cref="DatasetFile"/>); 2 added the kept members' R_proj and v_los.</summary>
    public const int CurrentFormatVersion = 2;

    public int FormatVersion { get; init; } = CurrentFormatVersion;
    public required ulong Seed { get; init; }
    public required int HaloCount { get; init; }
    public required int LinesOfSight { get; init; }
    public required bool SignFlips { get; init; }
    public required int ImageRows { get; init; }
    public required int ImageColumns { get; init; }
    public required bool HasKde3D { get; init; }
    public required int PureSamples { get; init; }
    public required int ContaminatedSamples { get; init; }

    /// <summary>(halo, line of sight, catalogue) views the simulator kept but the feature extractor rejected, by reason.</summary>
    public required IReadOnlyDictionary<string, int> RejectedByReason { get; init; }

    public required JsonNode SimulatorOptions { get; init; }
    public required JsonNode FeatureOptions { get; init; }
    public required double ElapsedSeconds { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public void Save(string directory) =>
        File.WriteAllText(Path.Combine(directory, DatasetFile.ManifestFileName), JsonSerializer.Serialize(this, JsonOptions));

    public static DatasetManifest Load(string directory) =>
        JsonSerializer.Deserialize<DatasetManifest>(File.ReadAllText(Path.Combine(directory, DatasetFile.ManifestFileName)), JsonOptions)
        ?? throw new InvalidDataException($"{directory}: empty dataset manifest.");
}
