using StreamProcessor.Abundance;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// One survey of configuration section "MassFunction:Surveys": footprint, binning, selection and the (Ω_m, σ8) grid.
/// Masses are log10(M200c / h^-1 Msun). Grid settings left null keep the defaults of <see cref="SurveyConfiguration"/>
/// (50 × 50 over 0.15–0.45 × 0.60–1.10, chosen there so the 95 % region is resolved for a ~1000-cluster survey).
/// </summary>
public sealed record SurveyOptions
{
    /// <summary>Survey name, as posteriors carry it in their <c>survey</c> column.</summary>
    public string Name { get; init; } = "";

    /// <summary>Sky area, deg².</summary>
    public double SkyAreaDeg2 { get; init; }

    /// <summary>Ascending redshift bin edges; one <c>massfunction</c> series per bin.</summary>
    public double[] RedshiftEdges { get; init; } = [];

    /// <summary>Ascending log10(M / h^-1 Msun) bin edges of the posterior means.</summary>
    public double[] Log10MassEdges { get; init; } = [];

    /// <summary>
    /// Selection function; null: the default logistic <see cref="CompletenessOptions"/> (or the calibration file's
    /// table when <see cref="SelectionCalibrationFile"/> is set; setting both is refused as ambiguous).
    /// </summary>
    public CompletenessOptions? Completeness { get; init; }

    /// <summary>
    /// A calibrated mass–observable relation; null: the unbiased log-normal of the posterior widths (or the calibration
    /// file's residuals when <see cref="SelectionCalibrationFile"/> is set; setting both is refused as ambiguous).
    /// </summary>
    public MassObservableOptions? MassObservable { get; init; }

    /// <summary>
    /// A selection calibration written by <c>pipeline calibrate-selection</c> (e.g.
    /// <c>models/mass-cnn-2d/selection-calibration.json</c>), loaded at start: it supplies the survey's completeness
    /// (tabulated, zero below its <c>log10_mass_floor</c>) and its mass–observable relation (the empirical residuals,
    /// kernel <see cref="SelectionCalibrationSmoothingDex"/>). <see cref="Completeness"/> and <see cref="MassObservable"/>
    /// must then be left unset (options validation refuses the survey otherwise). A relative path is resolved against
    /// the working directory of the process at start-up (not the content root, which ServiceDefaults sets to the binary
    /// folder). A missing or malformed file fails options validation, naming the full path.
    /// </summary>
    public string? SelectionCalibrationFile { get; init; }

    /// <summary>Gaussian kernel width of the calibrated residual distributions, dex (with <see cref="SelectionCalibrationFile"/>).</summary>
    public double SelectionCalibrationSmoothingDex { get; init; } = 0.02;

    /// <summary>Lowest mass edge of the cosmology fit; null: where the completeness reaches 90 % at every redshift.</summary>
    public double? CompletenessLimitLog10Mass { get; init; }

    /// <summary>Smallest Ω_m of the fit grid (null: the Abundance default).</summary>
    public double? OmegaMMin { get; init; }

    /// <summary>Largest Ω_m of the fit grid.</summary>
    public double? OmegaMMax { get; init; }

    /// <summary>Ω_m grid values.</summary>
    public int? OmegaMCount { get; init; }

    /// <summary>Smallest σ8 of the fit grid.</summary>
    public double? Sigma8Min { get; init; }

    /// <summary>Largest σ8 of the fit grid.</summary>
    public double? Sigma8Max { get; init; }

    /// <summary>σ8 grid values.</summary>
    public int? Sigma8Count { get; init; }

    /// <summary>Draws per cluster for the mass-uncertainty error of the counts.</summary>
    public int? MassSamplingDraws { get; init; }

    /// <summary>
    /// When set, the theory and the whole fit grid are built at start for this posterior scatter (dex), so the first
    /// update is as fast as the later ones; null builds them at the first update.
    /// </summary>
    public double? WarmScatterDex { get; init; }

    /// <summary>Cosmology of the theory curve and of the volumes (Ω_b, h, n_s also fix the fit grid).</summary>
    public CosmologyOptions BaseCosmology { get; init; } = new();

    /// <summary>The cosmology a mock was drawn from, stamped on every update of this survey; null for real data.</summary>
    public CosmologyOptions? TrueCosmology { get; init; }

    /// <summary>
    /// The calibration named by <see cref="SelectionCalibrationFile"/>, read and checked; null when none is named.
    /// Throws <see cref="ArgumentException"/> (naming the full path) when the file is missing or malformed, and when
    /// <see cref="Completeness"/> or <see cref="MassObservable"/> is set as well (ambiguous).
    /// </summary>
    public SelectionCalibration? LoadSelectionCalibration()
    {
        if (SelectionCalibrationFile is null) return null;
        if (string.IsNullOrWhiteSpace(SelectionCalibrationFile))
            throw new ArgumentException("SelectionCalibrationFile is empty: name a file or leave it unset.", nameof(SelectionCalibrationFile));
        var explicitOptions = new List<string>();
        if (Completeness is not null) explicitOptions.Add(nameof(Completeness));
        if (MassObservable is not null) explicitOptions.Add(nameof(MassObservable));
        if (explicitOptions.Count > 0)
        {
            throw new ArgumentException(
                $"{string.Join(" and ", explicitOptions)} and SelectionCalibrationFile '{SelectionCalibrationFile}' are both set: ambiguous, " +
                "the calibration file supplies the completeness and the mass–observable relation; remove one of them.", nameof(SelectionCalibrationFile));
        }

        if (!(SelectionCalibrationSmoothingDex > 0 && SelectionCalibrationSmoothingDex <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(SelectionCalibrationSmoothingDex), SelectionCalibrationSmoothingDex,
                "The kernel width of the calibrated residuals must lie in (0, 0.5] dex.");
        }

        return SelectionCalibration.LoadValidated(SelectionCalibrationFile, SelectionCalibrationSmoothingDex);
    }

    /// <summary>
    /// The survey with <paramref name="calibration"/> in place of the file: its completeness (with the floor) and
    /// mass–observable relation set explicitly, <see cref="SelectionCalibrationFile"/> cleared.
    /// </summary>
    public SurveyOptions WithSelectionCalibration(SelectionCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        return this with
        {
            SelectionCalibrationFile = null,
            Completeness = calibration.ToCompletenessOptions(),
            MassObservable = calibration.ToMassObservableOptions(SelectionCalibrationSmoothingDex),
        };
    }

    /// <summary>
    /// This survey with a relative <see cref="SelectionCalibrationFile"/> made absolute against <paramref name="baseDirectory"/>.
    /// </summary>
    public SurveyOptions WithSelectionCalibrationFileUnder(string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        return string.IsNullOrWhiteSpace(SelectionCalibrationFile) || Path.IsPathRooted(SelectionCalibrationFile) ? this
            : this with { SelectionCalibrationFile = Path.GetFullPath(SelectionCalibrationFile, baseDirectory) };
    }

    /// <summary>
    /// The Abundance configuration, reading <see cref="SelectionCalibrationFile"/> when set; throws
    /// <see cref="ArgumentException"/> when it cannot be used. <paramref name="transfer"/> (null: full EH98) is the base
    /// cosmology's transfer function, so that of the theory and of the whole fit grid.
    /// </summary>
    public SurveyConfiguration ToConfiguration(TransferFunctionChoice? transfer = null) =>
        LoadSelectionCalibration() is { } calibration ? WithSelectionCalibration(calibration).ToConfiguration(transfer) : BuildConfiguration(transfer);

    /// <summary>The Abundance configuration of the explicit options (no file).</summary>
    private SurveyConfiguration BuildConfiguration(TransferFunctionChoice? transfer)
    {
        var defaults = new SurveyConfiguration
        {
            Name = Name,
            SkyAreaDeg2 = SkyAreaDeg2,
            RedshiftEdges = [.. RedshiftEdges],
            Log10MassEdges = [.. Log10MassEdges],
            Completeness = (Completeness ?? new CompletenessOptions()).ToModel(),
            MassObservable = MassObservable?.ToModel(),
            CompletenessLimitLog10Mass = CompletenessLimitLog10Mass,
            BaseCosmology = BaseCosmology.ToFlatLcdm() with { Transfer = transfer ?? TransferFunctionChoice.EisensteinHu1998 },
        };
        var configuration = defaults with
        {
            OmegaMMin = OmegaMMin ?? defaults.OmegaMMin,
            OmegaMMax = OmegaMMax ?? defaults.OmegaMMax,
            OmegaMCount = OmegaMCount ?? defaults.OmegaMCount,
            Sigma8Min = Sigma8Min ?? defaults.Sigma8Min,
            Sigma8Max = Sigma8Max ?? defaults.Sigma8Max,
            Sigma8Count = Sigma8Count ?? defaults.Sigma8Count,
            MassSamplingDraws = MassSamplingDraws ?? defaults.MassSamplingDraws,
        };
        if (WarmScatterDex is double warm && !(warm >= 0 && warm <= 1))
            throw new ArgumentOutOfRangeException(nameof(WarmScatterDex), warm, "The warm-up scatter must lie in [0, 1] dex.");
        _ = TrueCosmology?.ToFlatLcdm();
        return configuration.Validated();
    }

    /// <summary>The truth stamped on updates (mocks), or null.</summary>
    public CosmologyParameters? TrueParameters() => TrueCosmology?.ToParameters();
}
