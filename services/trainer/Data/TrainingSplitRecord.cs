using System.Text.Json;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// <c>training-split.json</c> in the model folder: the group split settings and the test haloes they gave, so that
/// <c>trainer evaluate</c> can prove its test set is the one training never saw (it recomputes and compares).
/// </summary>
internal sealed record TrainingSplitRecord(int Seed, double TrainFraction, double ValidationFraction, int[] TestHaloIds)
{
    public const string FileName = "training-split.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Save(string folder) => File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));

    public static TrainingSplitRecord Load(string folder) =>
        JsonSerializer.Deserialize<TrainingSplitRecord>(File.ReadAllText(Path.Combine(folder, FileName)), JsonOptions)
        ?? throw new InvalidDataException($"{folder}/{FileName} is empty.");
}
