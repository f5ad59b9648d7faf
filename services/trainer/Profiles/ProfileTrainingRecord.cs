using System.Text.Json;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// How a profile network's data were made (profile-training.json in its bundle), so that <c>profiles evaluate</c>
/// rebuilds exactly the same emulated test split and the bench the same inputs.
/// </summary>
/// <param name="EmulatorFolder">Emulator folder, as given to <c>profiles train</c>.</param>
/// <param name="Stacks">Number of emulated stacks (Sobol points 0..Stacks-1).</param>
/// <param name="NoiseFraction">Fractional Gaussian noise injected into every profile value of the training set.</param>
/// <param name="NoiseSeed">Seed of the noise draws.</param>
/// <param name="Kinds">Profile kinds by short name.</param>
/// <param name="MaxRadiusMpcOverH">Radial cut applied to the CAMELS grid.</param>
/// <param name="IncludeLog10Mass">Whether log10 mass is an input.</param>
/// <param name="Bins">Indices of the CAMELS radial bins used.</param>
internal sealed record ProfileTrainingRecord(
    string EmulatorFolder,
    int Stacks,
    double NoiseFraction,
    int NoiseSeed,
    IReadOnlyList<string> Kinds,
    double MaxRadiusMpcOverH,
    bool IncludeLog10Mass,
    int[] Bins)
{
    public const string FileName = "profile-training.json";

    public void Save(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, ModelBundle.JsonOptions));

    public static ProfileTrainingRecord Load(string folder) =>
        JsonSerializer.Deserialize<ProfileTrainingRecord>(File.ReadAllText(Path.Combine(folder, FileName)), ModelBundle.JsonOptions)
        ?? throw new InvalidDataException($"{Path.Combine(folder, FileName)} is empty.");
}
