using System.Text.Json;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// How a map network's data were made (map-training.json in its bundle), so that <c>maps evaluate</c> rebuilds exactly
/// the same test haloes, and evaluates the same network on another galaxy-formation model or survey profile.
/// </summary>
/// <param name="Family">Galaxy-formation model of the training maps ("tng-like" or "simba-like").</param>
/// <param name="Fields">Channels by short name, in order ("xray", "hi").</param>
/// <param name="Limits">Survey profile ("idealised" or "erass4-mhongoose").</param>
/// <param name="Haloes">Haloes generated (indices 0..Haloes-1); three projections each, split by halo.</param>
/// <param name="Log10MassMin">Lower edge of the flat log10 M200c draw, M_sun.</param>
/// <param name="Log10MassMax">Upper edge.</param>
/// <param name="MassOnly">Infer log10 halo mass only (the cluster-mass CNN), not the six CGM properties.</param>
/// <param name="GeneratorSeed">Seed of the map generator.</param>
internal sealed record MapTrainingRecord(
    string Family, IReadOnlyList<string> Fields, string Limits, int Haloes, double Log10MassMin, double Log10MassMax, bool MassOnly, ulong GeneratorSeed)
{
    public const string FileName = "map-training.json";

    public void Save(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, ModelBundle.JsonOptions));

    public static MapTrainingRecord Load(string folder) =>
        JsonSerializer.Deserialize<MapTrainingRecord>(File.ReadAllText(Path.Combine(folder, FileName)), ModelBundle.JsonOptions)
        ?? throw new InvalidDataException($"{Path.Combine(folder, FileName)} is empty.");

    /// <summary>"xray+hi"-style label.</summary>
    public string FieldLabel => string.Join("+", Fields);
}
