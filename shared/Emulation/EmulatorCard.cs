using System.Text.Json;
using StreamProcessor.Emulation.Gp;

namespace StreamProcessor.Emulation;

/// <summary>
/// The emulator's card (card.json beside emulator.json): data, split, fit settings, hyper-parameters, and the
/// accuracy of the shipped (CARPool) emulator against a plain GP on the same pairs.
/// </summary>
public sealed record EmulatorCard
{
    /// <summary>File name inside an emulator folder.</summary>
    public const string FileName = "card.json";

    /// <summary>Markdown rendering.</summary>
    public const string MarkdownFileName = "card.md";

    public required string Name { get; init; }

    public required string CodeVersion { get; init; }

    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>Data folder and its provenance.</summary>
    public required string TrainingData { get; init; }

    /// <summary>Seed of the pair split and of the cross-validation folds.</summary>
    public required int Seed { get; init; }

    public required EmulatorFitOptions FitOptions { get; init; }

    /// <summary>zoom_N of the halos the emulator was conditioned on (train and validation pairs).</summary>
    public required int[] EmulatorZoomIds { get; init; }

    /// <summary>zoom_N of the validation pairs (network selection on real halos only; inside the emulator's data).</summary>
    public required int[] ValidationZoomIds { get; init; }

    /// <summary>zoom_N of the held-out test pairs: neither the emulator nor any network sees them.</summary>
    public required int[] TestZoomIds { get; init; }

    /// <summary>Fitted hyper-parameters per kind and component (shipped emulator).</summary>
    public required IReadOnlyDictionary<string, GpHyperparameters[]> Hyperparameters { get; init; }

    /// <summary>Principal components kept per kind and the variance they explain.</summary>
    public required IReadOnlyDictionary<string, double> ExplainedVariance { get; init; }

    /// <summary>Cross-validation folds (over pairs).</summary>
    public required int Folds { get; init; }

    /// <summary>Errors of the shipped CARPool emulator: cross-validation over held-out pairs.</summary>
    public required IReadOnlyList<ProfileErrors> CrossValidation { get; init; }

    /// <summary>Errors of a plain GP (rho = 0) fitted on the same pairs, same folds.</summary>
    public required IReadOnlyList<ProfileErrors> CrossValidationPlain { get; init; }

    /// <summary>Errors of the shipped emulator on the held-out test halos.</summary>
    public required IReadOnlyList<ProfileErrors> Test { get; init; }

    /// <summary>Errors of the plain GP on the held-out test halos.</summary>
    public required IReadOnlyList<ProfileErrors> TestPlain { get; init; }

    /// <summary>
    /// Rank of the emulated profiles' Jacobian and the Fisher forecast of each parameter's r (null in cards written
    /// before the forecast existed).
    /// </summary>
    public Training.FisherForecastReport? Forecast { get; init; }

    /// <summary>
    /// Whether the stated uncertainty is honest on the test halos: mean z² per coefficient against the halo noise alone
    /// and with the GP's predictive variance (<see cref="EmulatorCalibration"/>; null in cards written before it existed).
    /// </summary>
    public IReadOnlyList<UncertaintyCalibration>? UncertaintyCalibration { get; init; }

    /// <summary>
    /// The same mean z² by cross-validation over held-out pairs of the emulator's own halos, which set its variance
    /// inflation (<see cref="EmulatorCalibration.Inflation"/>; null in cards written before it existed).
    /// </summary>
    public IReadOnlyList<UncertaintyCalibration>? CrossValidationCalibration { get; init; }

    /// <summary>Wall time of the two fits and validations, seconds.</summary>
    public required double Seconds { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Writes card.json and card.md into <paramref name="folder"/>.</summary>
    public void Save(string folder, IReadOnlyList<double> radiiKpc)
    {
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));
        File.WriteAllText(Path.Combine(folder, MarkdownFileName), EmulatorCardMarkdown.Render(this, radiiKpc));
    }

    /// <summary>Reads card.json from <paramref name="folder"/>.</summary>
    public static EmulatorCard Load(string folder)
    {
        string path = Path.Combine(folder, FileName);
        return JsonSerializer.Deserialize<EmulatorCard>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
    }
}
