using StreamProcessor.Cosmology;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// Settings of <see cref="MockCatalogueSimulator"/>. Masses in h⁻¹ M☉ (M200c), distances in h⁻¹ Mpc, speeds in km/s.
/// The training mass function is flat in log M (Ho+2019, arXiv:1902.05950; reference sheet §4).
/// </summary>
public sealed record MockCatalogueOptions
{
    public FlatLcdm Cosmology { get; init; } = FlatLcdm.Planck18;

    /// <summary>Cluster log10(M200c / h⁻¹ M☉) is uniform in [min, max]; min = max gives one mass.</summary>
    public double Log10M200cMin { get; init; } = 13.5;

    public double Log10M200cMax { get; init; } = 15.3;

    /// <summary>Cluster redshift is uniform in [min, max].</summary>
    public double RedshiftMin { get; init; } = 0.03;

    public double RedshiftMax { get; init; } = 0.15;

    /// <summary>Log-normal scatter of c200c about the Duffy+08 median (arXiv:0804.2486), dex (reference sheet §2).</summary>
    public double ConcentrationScatterDex { get; init; } = 0.1;

    /// <summary>Members are drawn out to this multiple of R200c (the NFW profile is truncated there).</summary>
    public double MemberTruncationInR200c { get; init; } = 1.0;

    /// <summary>
    /// Richness–mass relation: the mean number of members within R200c (brighter than the luminosity function's faint
    /// limit, before the flux limit) is RichnessAtPivot × (M200c / RichnessPivotMassMsunOverH)^RichnessSlope, with Poisson
    /// scatter. Defaults: 15 at 1e14 and slope 0.9 (so 119 at 1e15 h⁻¹ M☉); the slope is close to the satellite-occupation
    /// slope α ≈ 1 of halo-occupation fits (Zheng et al. 2005, arXiv:astro-ph/0408564). A design choice, not a measurement.
    /// </summary>
    public double RichnessAtPivot { get; init; } = 15;

    public double RichnessPivotMassMsunOverH { get; init; } = 1e14;

    public double RichnessSlope { get; init; } = 0.9;

    /// <summary>Redraw member velocities with |v| ≥ sqrt(2|Φ(r)|) (reference sheet §2).</summary>
    public bool RejectAboveEscapeSpeed { get; init; } = true;

    /// <summary>Gaussian measurement error added to every v_los, km/s.</summary>
    public double VelocityErrorKmPerS { get; init; } = 30;

    /// <summary>Lines of sight per halo: with axes (default) at most 3, the x, y, z axes in that order; with random rotations any number.</summary>
    public int LinesOfSight { get; init; } = 3;

    /// <summary>Use uniformly random orientations instead of the coordinate axes.</summary>
    public bool RandomLineOfSightRotations { get; init; }

    /// <summary>Also emit, for every line of sight k, a copy with v_los → −v_los, numbered LineOfSight = LinesOfSight + k (augmentation, Ho+2019).</summary>
    public bool AddVelocitySignFlips { get; init; }

    public LuminosityFunction LuminosityFunction { get; init; } = LuminosityFunction.Blanton03R;

    public InterloperOptions Interlopers { get; init; } = new();

    public ObservationalSelection Selection { get; init; } = new();

    /// <summary>Throws when a setting is outside its meaningful range; returns this for chaining.</summary>
    public MockCatalogueOptions Validated()
    {
        Cosmology.Validated();
        if (!(Log10M200cMin <= Log10M200cMax && Log10M200cMin >= 11 && Log10M200cMax <= 16))
        {
            throw new ArgumentOutOfRangeException(nameof(Log10M200cMin), Log10M200cMin, "Need 11 ≤ log10 M_min ≤ log10 M_max ≤ 16.");
        }
        if (!(RedshiftMin <= RedshiftMax && RedshiftMin > 0 && RedshiftMax <= 2))
        {
            throw new ArgumentOutOfRangeException(nameof(RedshiftMin), RedshiftMin, "Need 0 < z_min ≤ z_max ≤ 2 (Duffy+08 calibration).");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(ConcentrationScatterDex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MemberTruncationInR200c);
        ArgumentOutOfRangeException.ThrowIfNegative(RichnessAtPivot);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RichnessPivotMassMsunOverH);
        ArgumentOutOfRangeException.ThrowIfNegative(VelocityErrorKmPerS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LinesOfSight);
        if (!RandomLineOfSightRotations && LinesOfSight > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(LinesOfSight), LinesOfSight, "Axis-aligned lines of sight are at most 3; enable RandomLineOfSightRotations for more.");
        }
        LuminosityFunction.Validated();
        Interlopers.Validated();
        Selection.Validated();
        return this;
    }

    /// <summary>Mean number of members within R200c for a halo of mass M200c (h⁻¹ M☉), before the flux limit.</summary>
    public double MeanRichness(double m200cMsunOverH) =>
        RichnessAtPivot * Math.Pow(m200cMsunOverH / RichnessPivotMassMsunOverH, RichnessSlope);
}
