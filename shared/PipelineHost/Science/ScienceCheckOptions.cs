using StreamProcessor.MassFunctionAggregation.Check;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>
/// Settings of <c>pipeline science-check</c>: the mock survey (a light cone of 0.03 &lt; z &lt; 0.10 — beyond it the
/// simulator's flux limit leaves too few members for a 90 %-complete sample above 10^14 — of haloes above the
/// calibration's candidate floor), its binning, the calibration file and the CNN's domain.
/// </summary>
public sealed record ScienceCheckOptions
{
    /// <summary>The drawn universe.</summary>
    public CheckCosmology Cosmology { get; init; } = CheckCosmology.Planck18;

    /// <summary>Light-cone seed; the member catalogues use simulator seed <see cref="Seed"/> + 1000.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Sky area, deg².</summary>
    public double SkyAreaDeg2 { get; init; } = 25_000;

    /// <summary>Redshift bin edges of the massfunction series.</summary>
    public double[] RedshiftEdges { get; init; } = [0.03, 0.06, 0.08, 0.10];

    /// <summary>Observed log10 M bin edges (0.1 dex from the candidate floor).</summary>
    public double[] Log10MassEdges { get; init; } = [.. Enumerable.Range(0, 27).Select(i => Math.Round(13.0 + (0.1 * i), 10))];

    /// <summary>Highest true log10 M of the light cone (the abundance above is negligible at z ≤ 0.1).</summary>
    public double LightConeLog10MassMax { get; init; } = 15.8;

    /// <summary>The selection and mass–observable calibration (<c>pipeline calibrate-selection</c>).</summary>
    public string CalibrationPath { get; init; } = "models/mass-cnn-2d/selection-calibration.json";

    /// <summary>Kernel width of the calibrated residual distributions, dex.</summary>
    public double ResidualSmoothingDex { get; init; } = 0.02;

    /// <summary>
    /// Use the calibrated mass–observable relation (default); false: the forward model's unbiased log-normal of the rms
    /// posterior σ (an ablation that shows what the calibration is for).
    /// </summary>
    public bool UseCalibratedMassObservable { get; init; } = true;

    /// <summary>
    /// Added to every calibrated residual, dex: 0 in use; non-zero makes a negative control (a forward model that reads
    /// the CNN's masses as higher or lower than they are) that must fail.
    /// </summary>
    public double ResidualShiftDex { get; init; }

    /// <summary>
    /// The fit starts no lower than this log10 M: the range over which the model card quotes the CNN's scatter
    /// (metrics "contaminated_14.0_15.0"); below it the CNN is pulled toward its prior.
    /// </summary>
    public double CnnDomainLog10MassMin { get; init; } = 14.0;

    /// <summary>Completeness the fit's bins must reach at every redshift.</summary>
    public double FitCompletenessThreshold { get; init; } = 0.9;

    /// <summary>Folder for the CSV, JSON and PNG files; null writes nothing.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Longest wait for the stream.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);
}
