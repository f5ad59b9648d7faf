using System.Text.Json;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Training;
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
/// <param name="Log10MassMin">Lower edge of the stacks' log10 halo mass.</param>
/// <param name="Log10MassMax">Upper edge of the stacks' log10 halo mass.</param>
/// <param name="Configuration">Configuration of the final training (layers, width, dropout, learning rate, weight decay).</param>
/// <param name="Overrides">Entries of <paramref name="Configuration"/> set by hand (<c>--set</c>) rather than taken from the search.</param>
/// <param name="FreshNoise">Whether the training stacks' noise was drawn afresh for every batch (<see cref="FreshProfileNoise"/>) rather than once.</param>
/// <param name="HalosPerStack">0: every stack is the emulated mean profile; N: one draw of a stack of N halos about it, with
/// the emulator's halo-to-halo scatter (<see cref="StackScatter"/>, seeded by <paramref name="NoiseSeed"/>).</param>
/// <param name="EmulatorError">With <paramref name="HalosPerStack"/>: the draws also carry the emulator's predictive uncertainty.</param>
/// <param name="MaxHalosPerStack">Above <paramref name="HalosPerStack"/>: stack sizes are drawn log-uniform between the two and
/// log10 of the size is an input (one model for single halos and large stacks); 0: one size.</param>
/// <param name="CalibratedEmulatorError">With <paramref name="EmulatorError"/>: the draws carry the emulator's
/// cross-validated variance inflation and heavy-tailed halo scatter (<see cref="EmulatorCalibration"/>,
/// <see cref="HaloTails"/>); false: the Gaussian error as fitted, as before the calibration existed.</param>
internal sealed record ProfileTrainingRecord(
    string EmulatorFolder,
    int Stacks,
    double NoiseFraction,
    int NoiseSeed,
    IReadOnlyList<string> Kinds,
    double MaxRadiusMpcOverH,
    bool IncludeLog10Mass,
    int[] Bins,
    double Log10MassMin = ProfileTrainingRecord.DesignMassMin,
    double Log10MassMax = ProfileTrainingRecord.DesignMassMax,
    IReadOnlyDictionary<string, double>? Configuration = null,
    IReadOnlyDictionary<string, double>? Overrides = null,
    bool FreshNoise = false,
    int HalosPerStack = 0,
    bool EmulatorError = false,
    int MaxHalosPerStack = 0,
    bool CalibratedEmulatorError = false)
{
    public const string FileName = "profile-training.json";

    /// <summary>The suite's design mass range (params.csv Mass: 10^13-10^14.5), where the emulator has its halos.</summary>
    public const double DesignMassMin = 13.0;

    /// <summary>Upper edge of the design mass range.</summary>
    public const double DesignMassMax = 14.5;

    /// <summary>The scatter the stacks are drawn with, or null for mean profiles.</summary>
    public StackScatter? Scatter() => HalosPerStack > 0 ? new(HalosPerStack, NoiseSeed, EmulatorError, MaxHalosPerStack) : null;

    /// <summary>
    /// The emulator in <paramref name="folder"/> as these stacks were drawn from it: with its cross-validated variance
    /// inflation and heavy tails only when trained with <see cref="CalibratedEmulatorError"/>, so that models trained
    /// before the calibration rebuild their data.
    /// </summary>
    /// <exception cref="InvalidDataException">A calibrated error is asked of an emulator that has none.</exception>
    public ProfileEmulator LoadEmulator(string folder)
    {
        var model = EmulatorModel.Load(folder);
        if (CalibratedEmulatorError && !model.IsCalibrated)
        {
            throw new InvalidDataException($"The emulator in '{folder}' is not calibrated: run `profiles calibrate-emulator` on it first.");
        }

        return ProfileEmulator.FromModel(CalibratedEmulatorError ? model : model.Uncalibrated());
    }

    /// <summary>"-emulator-error" or "-emulator-error-calibrated" in model versions, empty without the emulator's error.</summary>
    public string EmulatorErrorSuffix() => EmulatorError ? (CalibratedEmulatorError ? "-emulator-error-calibrated" : "-emulator-error") : string.Empty;

    /// <summary>Whether stack sizes vary, so that the network reads log10 of the size as an input.</summary>
    public bool StackSizeIsInput() => Scatter() is { VariesStackSize: true };

    /// <summary>"1" or "1-1000": the stack sizes trained on, for versions and descriptions.</summary>
    public string StackSizes() => StackSizeIsInput() ? $"{HalosPerStack}-{MaxHalosPerStack}" : $"{HalosPerStack}";

    public void Save(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, ModelBundle.JsonOptions));

    public static ProfileTrainingRecord Load(string folder) =>
        JsonSerializer.Deserialize<ProfileTrainingRecord>(File.ReadAllText(Path.Combine(folder, FileName)), ModelBundle.JsonOptions)
        ?? throw new InvalidDataException($"{Path.Combine(folder, FileName)} is empty.");
}
