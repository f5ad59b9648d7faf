using System.Text.Json;
using StreamProcessor.Emulation.Camels;

namespace StreamProcessor.Emulation;

/// <summary>
/// Everything a <see cref="ProfileEmulator"/> needs, as stored in emulator.json: priors, mass range, radii, the
/// training inputs and seeds, and one <see cref="EmulatorKind"/> per stored profile kind.
/// </summary>
/// <param name="Parameters">The 28 parameters and their priors, in input order.</param>
/// <param name="Log10MassMin">Lower edge of the halo-mass input (unit-cube 0).</param>
/// <param name="Log10MassMax">Upper edge of the halo-mass input (unit-cube 1).</param>
/// <param name="RadiiKpc">Radial bin centres, physical kpc.</param>
/// <param name="TrainingZoomIds">zoom_N of every training halo, in input order.</param>
/// <param name="TrainingInputs">Unit-cube inputs of every training halo: 28 parameters, then log10 mass.</param>
/// <param name="Partner">Training index of the halo sharing each one's seed, or -1.</param>
/// <param name="CarPool">True when the pair correlation was fitted (CARPoolGP); false for a plain GP.</param>
/// <param name="Kinds">One emulator per stored profile kind.</param>
public sealed record EmulatorModel(
    IReadOnlyList<CamelsParameter> Parameters,
    double Log10MassMin,
    double Log10MassMax,
    IReadOnlyList<double> RadiiKpc,
    int[] TrainingZoomIds,
    double[][] TrainingInputs,
    int[] Partner,
    bool CarPool,
    IReadOnlyList<EmulatorKind> Kinds)
{
    /// <summary>Whether every kind carries a cross-validated calibration of its stated error (variance inflation and tails).</summary>
    public bool IsCalibrated => Kinds.All(k => k.VarianceInflation is not null);

    /// <summary>
    /// This emulator with each kind's variance inflation and halo-scatter tails set from its cross-validated calibration
    /// (<see cref="EmulatorCalibration.CrossValidated"/>).
    /// </summary>
    public EmulatorModel Calibrated(IReadOnlyList<UncertaintyCalibration> crossValidated)
    {
        ArgumentNullException.ThrowIfNull(crossValidated);
        return this with
        {
            Kinds = [.. Kinds.Select(k =>
            {
                var calibration = crossValidated.Single(c => c.Kind == k.Kind);
                return k with { VarianceInflation = EmulatorCalibration.Inflation(calibration), TailDegreesOfFreedom = calibration.TailDegreesOfFreedom };
            })],
        };
    }

    /// <summary>This emulator with its error as fitted: Gaussian, not inflated (what networks trained before the calibration drew).</summary>
    public EmulatorModel Uncalibrated() => this with { Kinds = [.. Kinds.Select(k => k with { VarianceInflation = null, TailDegreesOfFreedom = null })] };

    /// <summary>File name inside an emulator folder.</summary>
    public const string FileName = "emulator.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Writes <see cref="FileName"/> into <paramref name="folder"/>.</summary>
    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));
    }

    /// <summary>Reads <see cref="FileName"/> from <paramref name="folder"/>.</summary>
    /// <exception cref="InvalidDataException">Missing or unreadable file.</exception>
    public static EmulatorModel Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"No {FileName} in emulator folder '{folder}'.");
        }

        try
        {
            return JsonSerializer.Deserialize<EmulatorModel>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid emulator: {e.Message}", e);
        }
    }
}
