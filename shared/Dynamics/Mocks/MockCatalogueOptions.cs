using StreamProcessor.Cosmology;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// Settings of <see cref="MockCatalogueSimulator"/>. Masses in h⁻¹ M☉ (M200c), distances in h⁻¹ Mpc, speeds in km/s.
/// The training mass function is flat in log M (Ho+2019, arXiv:1902.05950; reference sheet §4).
/// </summary>
/// <remarks>
/// The defaults are the wide-redshift training configuration, 0.03 &lt; z &lt; 1.1: the SZ follow-up selection
/// (<see cref="ObservationalSelection.SzFollowUp"/>: i &lt; 22.5, 15–60 spectra per cluster at z ≥ 0.25), a passively evolving luminosity
/// function sampled to M* + 1.94 (<see cref="LuminosityFunction.Blanton03REvolving"/>), redshift errors σ_z = 2.5e-4, and a
/// background of constant comoving density. <see cref="SdssLowRedshift"/> is the earlier low-redshift configuration
/// (0.03 &lt; z &lt; 0.15, SDSS r &lt; 17.77, 30 km/s errors), which reproduces its catalogues draw for draw.
/// </remarks>
public sealed record MockCatalogueOptions
{
    /// <summary>
    /// The low-redshift SDSS-like configuration the first shipped model was trained on: z 0.03–0.15, r &lt; 17.77, no cap
    /// on spectra, the non-evolving Blanton+03 function to −19.5, 30 km/s velocity errors, a fixed background surface density.
    /// </summary>
    public static MockCatalogueOptions SdssLowRedshift { get; } = new()
    {
        RedshiftMax = 0.15,
        VelocityErrorKmPerS = 30,
        RedshiftError = 0,
        LuminosityFunction = LuminosityFunction.Blanton03R,
        Interlopers = new InterloperOptions(),
        Selection = ObservationalSelection.SdssMain,
    };

    public FlatLcdm Cosmology { get; init; } = FlatLcdm.Planck18;

    /// <summary>Cluster log10(M200c / h⁻¹ M☉) is uniform in [min, max]; min = max gives one mass.</summary>
    public double Log10M200cMin { get; init; } = 13.5;

    public double Log10M200cMax { get; init; } = 15.3;

    /// <summary>Cluster redshift is uniform in [min, max].</summary>
    public double RedshiftMin { get; init; } = 0.03;

    public double RedshiftMax { get; init; } = 1.1;

    /// <summary>Log-normal scatter of c200c about the Duffy+08 median (arXiv:0804.2486), dex (reference sheet §2).</summary>
    public double ConcentrationScatterDex { get; init; } = 0.1;

    /// <summary>Members are drawn out to this multiple of R200c (the NFW profile is truncated there).</summary>
    public double MemberTruncationInR200c { get; init; } = 1.0;

    /// <summary>
    /// Richness–mass relation: the mean number of members within R200c brighter than
    /// <see cref="RichnessMagnitudeLimitMinus5LogH"/> (before the flux limit) is RichnessAtPivot × (M200c /
    /// RichnessPivotMassMsunOverH)^RichnessSlope, with Poisson scatter; the simulator draws the members down to the luminosity
    /// function's faint limit, <see cref="MeanRichness"/> of them. Defaults: 15 at 1e14 and slope 0.9 (so 119 at 1e15 h⁻¹ M☉);
    /// the slope is close to the satellite-occupation slope α ≈ 1 of halo-occupation fits (Zheng et al. 2005,
    /// arXiv:astro-ph/0408564). A design choice, not a measurement.
    /// </summary>
    public double RichnessAtPivot { get; init; } = 15;

    public double RichnessPivotMassMsunOverH { get; init; } = 1e14;

    public double RichnessSlope { get; init; } = 0.9;

    /// <summary>M − 5 log10 h (at z = 0.1) down to which <see cref="RichnessAtPivot"/> counts members: −19.5 ≈ M* + 0.94.</summary>
    public double RichnessMagnitudeLimitMinus5LogH { get; init; } = -19.5;

    /// <summary>Redraw member velocities with |v| ≥ sqrt(2|Φ(r)|) (reference sheet §2).</summary>
    public bool RejectAboveEscapeSpeed { get; init; } = true;

    /// <summary>Gaussian measurement error of every v_los in km/s, independent of redshift (added in quadrature to the redshift error's).</summary>
    public double VelocityErrorKmPerS { get; init; }

    /// <summary>
    /// Spectroscopic redshift error σ_z of every galaxy; it gives a rest-frame velocity error σ_v = c σ_z / (1 + z_cl)
    /// (v_los = c (z_gal − z_cl)/(1 + z_cl)). Default 2.5e-4: the median e_zspec of the 2,289 ACT/SPT spectra in
    /// shared/data/act-spt-spectroscopic (GMOS/FORS2/IMACS; Sifón et al. 2013, ApJ 772, 25; Bayliss et al. 2016, ApJS 227, 3),
    /// 75 km/s at z = 0, 37 km/s at z = 1.
    /// </summary>
    public double RedshiftError { get; init; } = 2.5e-4;

    /// <summary>Total 1σ v_los error at cluster redshift z: sqrt(VelocityErrorKmPerS² + (c σ_z/(1+z))²), km/s.</summary>
    public double VelocityErrorAt(double redshift)
    {
        if (RedshiftError == 0) return VelocityErrorKmPerS;
        double fromRedshift = PhysicalConstants.SpeedOfLightKmPerS * RedshiftError / (1 + redshift);
        return Math.Sqrt((VelocityErrorKmPerS * VelocityErrorKmPerS) + (fromRedshift * fromRedshift));
    }

    /// <summary>Lines of sight per halo: with axes (default) at most 3, the x, y, z axes in that order; with random rotations any number.</summary>
    public int LinesOfSight { get; init; } = 3;

    /// <summary>Use uniformly random orientations instead of the coordinate axes.</summary>
    public bool RandomLineOfSightRotations { get; init; }

    /// <summary>Also emit, for every line of sight k, a copy with v_los → −v_los, numbered LineOfSight = LinesOfSight + k (augmentation, Ho+2019).</summary>
    public bool AddVelocitySignFlips { get; init; }

    public LuminosityFunction LuminosityFunction { get; init; } = LuminosityFunction.Blanton03REvolving;

    public InterloperOptions Interlopers { get; init; } = new() { BackgroundAtConstantComovingDensity = true };

    public ObservationalSelection Selection { get; init; } = ObservationalSelection.SzFollowUp;

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
        if (!(RedshiftError is >= 0 and < 0.01)) throw new ArgumentOutOfRangeException(nameof(RedshiftError), RedshiftError, "σ_z must lie in [0, 0.01).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LinesOfSight);
        if (!RandomLineOfSightRotations && LinesOfSight > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(LinesOfSight), LinesOfSight, "Axis-aligned lines of sight are at most 3; enable RandomLineOfSightRotations for more.");
        }
        LuminosityFunction.Validated();
        if (!(RichnessMagnitudeLimitMinus5LogH > LuminosityFunction.BrightLimitMinus5LogH && RichnessMagnitudeLimitMinus5LogH <= LuminosityFunction.FaintLimitMinus5LogH))
        {
            throw new ArgumentOutOfRangeException(nameof(RichnessMagnitudeLimitMinus5LogH), RichnessMagnitudeLimitMinus5LogH, "The richness magnitude must lie within the luminosity function's sampled range.");
        }
        Interlopers.Validated();
        Selection.Validated();
        return this;
    }

    /// <summary>
    /// Mean number of members within R200c for a halo of mass M200c (h⁻¹ M☉) that the simulator draws (down to the luminosity
    /// function's faint limit), before the flux limit: the richness relation × <see cref="SampledPerRichnessGalaxy"/>.
    /// </summary>
    public double MeanRichness(double m200cMsunOverH) => RichnessRelation(m200cMsunOverH) * SampledPerRichnessGalaxy;

    /// <summary>The richness relation alone: mean members within R200c brighter than <see cref="RichnessMagnitudeLimitMinus5LogH"/>.</summary>
    public double RichnessRelation(double m200cMsunOverH) =>
        RichnessAtPivot * Math.Pow(m200cMsunOverH / RichnessPivotMassMsunOverH, RichnessSlope);

    /// <summary>Galaxies drawn per galaxy counted by the richness relation: 1 when the luminosity function stops at the richness magnitude.</summary>
    public double SampledPerRichnessGalaxy => LuminosityFunction.SampledPerGalaxyBrighterThan(RichnessMagnitudeLimitMinus5LogH);
}
