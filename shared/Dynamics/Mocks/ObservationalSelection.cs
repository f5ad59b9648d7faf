namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// What a spectroscopic survey sees of a cluster: the cylinder R_proj &lt; aperture, |v_los| &lt; v_cut of Ho et al. (2019),
/// arXiv:1902.05950, §2 (reference sheet §4), a soft flux limit, and the richness cut N &gt; 10.
/// </summary>
public sealed record ObservationalSelection
{
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
        return this;
    }
}
