namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// What a spectroscopic survey sees of a cluster: the cylinder R_proj &lt; aperture, |v_los| &lt; v_cut of Ho et al. (2019),
/// arXiv:1902.05950, §2 (reference sheet §4), a soft flux limit (with an optional K-correction), an optional cap on the
/// spectra taken per cluster, and the richness cut N &gt; 10. The property defaults are the SDSS-like low-redshift survey
/// (<see cref="SdssMain"/>); <see cref="SzFollowUp"/> is the deep follow-up of SZ-selected clusters at 0.3 &lt; z &lt; 1.1.
/// </summary>
public sealed record ObservationalSelection
{
    /// <summary>SDSS main spectroscopic sample (r &lt; 17.77), no K-correction, no cap on spectra: the low-redshift survey.</summary>
    public static ObservationalSelection SdssMain { get; } = new();

    /// <summary>
    /// Multi-object follow-up spectroscopy of SZ-selected clusters (ACT: Sifón et al. 2013, ApJ 772, 25, and 2016,
    /// MNRAS 461, 248; SPT-GMOS: Bayliss et al. 2016, ApJS 227, 3): targets to i ≈ 22.5 (the faintest ACT/SPT
    /// members in shared/data/act-spt-spectroscopic have i = 21.7–22.7 at 0.3 &lt; z &lt; 0.9; Bayliss+16 target to
    /// i ≲ 22.5–23), K-correction slope 1.62 mag per unit redshift (see <see cref="KCorrectionMagPerUnitRedshift"/>), and
    /// 15–60 spectra inside the cylinder per cluster (one to a few GMOS/FORS2 masks: the 52 clusters of that folder have
    /// 11–98 spectra, median 41, of which ~70 % fall within ±2200 km/s). With these limits, clusters of 10^14.5–10^15.1
    /// h⁻¹ M☉ at 0.3 &lt; z &lt; 1.1 list a median 28 galaxies in the cylinder (37 at z 0.3–0.45, 38 at 0.45–0.7, 21 at
    /// 0.7–1.1); the real ones, 27 (39, 25 and 19).
    /// </summary>
    public static ObservationalSelection SzFollowUp { get; } = new()
    {
        ApparentMagnitudeLimit = 22.5,
        CompletenessWidthMag = 0.2,
        KCorrectionMagPerUnitRedshift = 1.62,
        SpectraPerClusterMin = 15,
        SpectraPerClusterMax = 60,
        SpectraCapMinimumRedshift = 0.25,
    };

    /// <summary>Projected aperture in physical h⁻¹ Mpc (Ho+2019: 1.6).</summary>
    public double ApertureMpcOverH { get; init; } = 1.6;

    /// <summary>Line-of-sight velocity window half-width in km/s (Ho+2019: 2200).</summary>
    public double VelocityCutKmPerS { get; init; } = 2200;

    /// <summary>When false every galaxy is observed regardless of magnitude (magnitudes are still recorded).</summary>
    public bool ApplyFluxLimit { get; init; } = true;

    /// <summary>Apparent magnitude at 50 % completeness: SDSS main spectroscopic sample, r &lt; 17.77 (Strauss et al. 2002, arXiv:astro-ph/0206225).</summary>
    public double ApparentMagnitudeLimit { get; init; } = 17.77;

    /// <summary>Width in mag of the logistic completeness roll-off around the limit.</summary>
    public double CompletenessWidthMag { get; init; } = 0.1;

    /// <summary>
    /// K-correction of the selection band relative to the ^{0.1}r magnitudes of the luminosity function, linear in
    /// redshift: K(z) = k (z − 0.1), added to every apparent magnitude; 0 (default) for r at z ≤ 0.2. For observed i the
    /// K-correction of a passive population grows to ≈ 1.5 mag by z ≈ 1 (the 4000 Å break enters the band; Poggianti 1997,
    /// A&amp;AS 122, 399, E-type K corrections) and nearly cancels the passive brightening Q ≈ 1.62 (Blanton et al. 2003):
    /// the ACT/SPT members of shared/data/act-spt-spectroscopic have a median m_i − 5 log10(D_L/h⁻¹ Mpc) − 25 of −20.4 to
    /// −20.9 over 0.3 &lt; z &lt; 0.9, flat to ±0.3 mag. So <see cref="SzFollowUp"/> takes k = Q = 1.62 (an estimate, a setting).
    /// </summary>
    public double KCorrectionMagPerUnitRedshift { get; init; }

    /// <summary>
    /// Cap on the spectra taken inside the cylinder per cluster and line of sight: a number drawn uniformly from
    /// [min, max] (inclusive) for each line of sight; when more galaxies pass the other limits, the brightest that many
    /// are kept (magnitude-ranked slit priority), members and interlopers alike. Null (default): no cap.
    /// </summary>
    public int? SpectraPerClusterMin { get; init; }

    public int? SpectraPerClusterMax { get; init; }

    /// <summary>
    /// The cap applies to clusters at z ≥ this (default 0: all). Below it a cluster's 1.6 h⁻¹ Mpc cylinder spans more than
    /// ~10′ (D_A(0.25) ≈ 640 h⁻¹ Mpc), and clusters there come from wide-field multi-fibre redshift surveys (SDSS, 2dF,
    /// Hectospec-like) that do not ration spectra per cluster; <see cref="SzFollowUp"/> sets 0.25, just below the lowest
    /// ACT/SPT redshift of shared/data/act-spt-spectroscopic (0.28).
    /// </summary>
    public double SpectraCapMinimumRedshift { get; init; }

    /// <summary>True when the cap on spectra applies to a cluster at <paramref name="redshift"/>.</summary>
    public bool CapsSpectraAt(double redshift) => CapsSpectra && redshift >= SpectraCapMinimumRedshift;

    /// <summary>True when a cap on spectra per cluster is set.</summary>
    public bool CapsSpectra => SpectraPerClusterMin is not null;

    /// <summary>K(z) in mag (exactly 0 when the slope is 0).</summary>
    public double KCorrection(double redshift) =>
        KCorrectionMagPerUnitRedshift == 0 ? 0 : KCorrectionMagPerUnitRedshift * (redshift - LuminosityFunction.PivotRedshift);

    /// <summary>Keep a cluster (per line of sight, per catalogue) when it has at least this many galaxies: 11 means N &gt; 10 (Ho+2019).</summary>
    public int MinimumGalaxyCount { get; init; } = 11;

    /// <summary>Probability that a galaxy of apparent magnitude m is observed: 1 / (1 + exp((m − m_lim)/width)), or 1 without a flux limit.</summary>
    public double Completeness(double apparentMagnitude) =>
        ApplyFluxLimit ? 1.0 / (1.0 + Math.Exp((apparentMagnitude - ApparentMagnitudeLimit) / CompletenessWidthMag)) : 1.0;

    /// <summary>Throws on non-positive aperture, velocity cut or completeness width, or a negative galaxy count.</summary>
    public ObservationalSelection Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ApertureMpcOverH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(VelocityCutKmPerS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CompletenessWidthMag);
        ArgumentOutOfRangeException.ThrowIfNegative(MinimumGalaxyCount);
        if (!(KCorrectionMagPerUnitRedshift is >= -5 and <= 5)) throw new ArgumentOutOfRangeException(nameof(KCorrectionMagPerUnitRedshift), KCorrectionMagPerUnitRedshift, "The K-correction slope must lie in [−5, 5] mag per unit redshift.");
        ArgumentOutOfRangeException.ThrowIfNegative(SpectraCapMinimumRedshift);
        if ((SpectraPerClusterMin is null) != (SpectraPerClusterMax is null)
            || (SpectraPerClusterMin is { } low && SpectraPerClusterMax is { } high && !(low >= 1 && low <= high)))
        {
            throw new ArgumentOutOfRangeException(nameof(SpectraPerClusterMin), SpectraPerClusterMin, "Set both spectra caps, with 1 ≤ min ≤ max, or neither.");
        }
        return this;
    }
}
