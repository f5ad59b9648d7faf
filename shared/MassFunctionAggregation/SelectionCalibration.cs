using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// A survey's selection and mass–observable calibration measured on simulations (<c>pipeline calibrate-selection</c>):
/// on a (true log10 M200c, z) grid, haloes simulated, how many were accepted by the whole catalogue path (simulator
/// richness cut, phase-space limits, mass inference), and the residuals log10 M_obs − log10 M_true of the accepted
/// ones. Node order is mass-major: index = massIndex * Redshifts.Length + redshiftIndex. Serialised in snake_case,
/// compact (no indentation: the residuals are ~10^4 numbers).
/// </summary>
public sealed record SelectionCalibration
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    /// <summary>How the table was made (command, seeds, simulator, model), in words.</summary>
    public required string Provenance { get; init; }

    /// <summary>Model name and version of the posteriors the residuals were measured on.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>SHA-256 of the model card of those posteriors.</summary>
    public required string ModelCardSha256 { get; init; }

    /// <summary>Simulator seed (disjoint from the seeds of the science checks).</summary>
    public required ulong Seed { get; init; }

    /// <summary>Below this true log10 M the survey's candidate list holds no haloes (completeness 0).</summary>
    public required double Log10MassFloor { get; init; }

    /// <summary>Ascending true log10(M200c / h^-1 Msun) nodes.</summary>
    public required double[] Log10Masses { get; init; }

    /// <summary>Ascending redshift nodes.</summary>
    public required double[] Redshifts { get; init; }

    /// <summary>Haloes simulated per node.</summary>
    public required int[] Simulated { get; init; }

    /// <summary>Haloes whose posterior was accepted per node.</summary>
    public required int[] Accepted { get; init; }

    /// <summary>Accepted / simulated per node.</summary>
    public required double[] Completeness { get; init; }

    /// <summary>Mean residual of the accepted haloes per node, dex (NaN-free: 0 where none was accepted).</summary>
    public required double[] MeanResidualDex { get; init; }

    /// <summary>Standard deviation of the residuals per node, dex (0 where fewer than two were accepted).</summary>
    public required double[] ResidualScatterDex { get; init; }

    /// <summary>The residuals per node, dex.</summary>
    public required double[][] Residuals { get; init; }

    /// <summary>Reads a calibration file (I/O and JSON exceptions as they come; see <see cref="LoadValidated"/>).</summary>
    public static SelectionCalibration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SelectionCalibration>(stream, Json) ?? throw new InvalidDataException($"{path} holds no calibration.");
    }

    /// <summary>
    /// Reads and checks a calibration file for a survey: <see cref="ArgumentException"/> naming the full path when the
    /// file is missing, unreadable, not a calibration, or its tables are inconsistent (so options validation reports it).
    /// </summary>
    public static SelectionCalibration LoadValidated(string path, double smoothingDex)
    {
        ArgumentNullException.ThrowIfNull(path);
        string fullPath = Path.GetFullPath(path);
        try
        {
            SelectionCalibration calibration = Load(fullPath);
            if (calibration.Residuals.Any(r => r is null)) throw new InvalidDataException("residuals holds a null node");
            _ = calibration.ToCompletenessOptions().ToModel();
            _ = calibration.ToMassObservableOptions(smoothingDex).ToModel();
            if (string.IsNullOrWhiteSpace(calibration.ModelCardSha256)) throw new InvalidDataException("model_card_sha256 is empty");
            return calibration;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException
                                      or ArgumentException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : e.Message;
            throw new ArgumentException($"Selection calibration file '{fullPath}' cannot be used: {reason}", nameof(path), e);
        }
    }

    /// <summary>
    /// Null when <paramref name="posterior"/> comes from the model card this calibration was measured on (or is not
    /// accepted: a rejection carries no mass); otherwise why the calibration does not describe it. Shared by the
    /// massfunction service (a warning and a metric at runtime) and <c>pipeline science-check</c> (a failure).
    /// </summary>
    public string? ModelMismatch(Posterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        if (posterior.Status != RecordStatus.Accepted || string.Equals(posterior.ModelCardSha256, ModelCardSha256, StringComparison.OrdinalIgnoreCase)) return null;
        return $"posterior {posterior.ObjectId} comes from model card {posterior.ModelCardSha256}, the calibration from {ModelCardSha256} ({ModelVersion}): re-run calibrate-selection";
    }

    /// <summary>Writes the calibration as compact JSON (creating the folder).</summary>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <summary>The tabulated completeness, zero below <see cref="Log10MassFloor"/>.</summary>
    public CompletenessOptions ToCompletenessOptions() => new()
    {
        Kind = CompletenessOptions.Tabulated,
        Log10Masses = Log10Masses,
        Redshifts = Redshifts,
        Values = Completeness,
        Log10MassFloor = Log10MassFloor,
    };

    /// <summary>The empirical mass–observable relation of the accepted haloes.</summary>
    public MassObservableOptions ToMassObservableOptions(double smoothingDex) => new()
    {
        Log10Masses = Log10Masses,
        Redshifts = Redshifts,
        Residuals = Residuals,
        SmoothingDex = smoothingDex,
    };
}
