using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// A survey's selection and mass–observable calibration measured on simulations (<c>pipeline calibrate-selection</c>):
/// on a (true log10 M200c, z) grid, haloes simulated, how many were accepted by the whole catalogue path (simulator
/// richness cut, phase-space limits, mass inference), and the residuals log10 M_obs − log10 M_true of the accepted
/// ones. Node order is mass-major: index = massIndex * Redshifts.Length + redshiftIndex. Serialised in snake_case.
/// </summary>
public sealed record SelectionCalibration
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
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

    /// <summary>Reads a calibration file.</summary>
    public static SelectionCalibration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SelectionCalibration>(stream, Json) ?? throw new InvalidDataException($"{path} holds no calibration.");
    }

    /// <summary>Writes the calibration as JSON (creating the folder).</summary>
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
