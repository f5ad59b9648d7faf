namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// Galaxies that are not cluster members but fall inside the observed cylinder (reference sheet §4):
/// (a) a uniform background, and (b) galaxies of other haloes placed along the line of sight, whose
/// v_los = H(z) Δχ/(1+z) + v_pec,halo − v_pec,cluster + their internal velocity.
/// The two densities are effective, tuned values, not measurements: with the plain sample standard deviation (no
/// interloper rejection) a fitted M–σ relation is so sensitive to interlopers that field-level contamination (a few
/// 1e-3 h³ Mpc⁻³ haloes above 1e12.5 h⁻¹ M☉; ≈ 0.5 galaxies brighter than M − 5 log h = −19.5 per (h⁻¹ Mpc)² across
/// ±2200 km/s, from the Blanton+03 Φ* = 1.49e-2 h³ Mpc⁻³) scatters it by 2–3 dex. The defaults (0.1 (h⁻¹ Mpc)⁻², 1e-3 h³ Mpc⁻³)
/// were tuned so that the fitted M–σ baseline scatters by ≈ 0.36 dex at 1e14–1e15 h⁻¹ M☉ (pure catalogues: ≈ 0.22 dex),
/// matching the ≈ 0.37 dex Ho et al. (2019), arXiv:1902.05950, found on their contaminated MultiDark catalogues.
/// Set a density to 0 to switch that part off. Beyond the low-redshift tuning, the background is a constant comoving
/// density when <see cref="BackgroundAtConstantComovingDensity"/> is set: the physical aperture and the velocity window
/// then hold (1+z)² × Δχ more comoving volume, Δχ = 2 v_cut (1+z)/H(z), so the surface density given at z = 0.1
/// grows ≈ 4.4× by z = 1.
/// </summary>
public sealed record InterloperOptions
{
    /// <summary>
    /// Uniform background galaxies per physical (h⁻¹ Mpc)² across the whole velocity window, counted brighter than the
    /// richness magnitude (<see cref="MockCatalogueOptions.RichnessMagnitudeLimitMinus5LogH"/>, as the members; scaled up like
    /// them when the luminosity function is sampled fainter); at every redshift, or at z = 0.1 with
    /// <see cref="BackgroundAtConstantComovingDensity"/>.
    /// </summary>
    public double BackgroundSurfaceDensityH2PerMpc2 { get; init; } = 0.1;

    /// <summary>
    /// Scale the background with the comoving volume of the cylinder, (1+z)³/E(z) relative to z = 0.1 (a constant comoving
    /// density of field galaxies), instead of keeping its physical surface density fixed (false: the low-redshift tuning).
    /// </summary>
    public bool BackgroundAtConstantComovingDensity { get; init; }

    /// <summary>Redshift at which <see cref="BackgroundSurfaceDensityH2PerMpc2"/> holds when it scales with the comoving volume.</summary>
    public const double BackgroundReferenceRedshift = 0.1;

    /// <summary>Comoving number density of neighbouring haloes above <see cref="Log10MassMin"/> in h³ Mpc⁻³ (an effective, tuned value; see the type remarks).</summary>
    public double HaloSpaceDensityH3PerMpc3 { get; init; } = 1e-3;

    /// <summary>Lightest neighbouring halo, log10(M200c / h⁻¹ M☉).</summary>
    public double Log10MassMin { get; init; } = 12.5;

    /// <summary>Heaviest neighbouring halo, log10(M200c / h⁻¹ M☉).</summary>
    public double Log10MassMax { get; init; } = 15.0;

    /// <summary>Neighbouring-halo masses follow dn/dlnM ∝ M^(−slope) (0.9 ≈ the Tinker+08 slope below 1e14 h⁻¹ M☉).</summary>
    public double MassFunctionSlope { get; init; } = 0.9;

    /// <summary>Neighbouring haloes lie within ± this comoving distance of the cluster along the line of sight, h⁻¹ Mpc.</summary>
    public double LineOfSightDepthMpcOverH { get; init; } = 40;

    /// <summary>Neighbouring haloes are centred up to aperture + margin (physical h⁻¹ Mpc) off the axis, so their outskirts can spill in.</summary>
    public double PlacementMarginMpcOverH { get; init; } = 1.0;

    /// <summary>1D peculiar velocity dispersion of haloes (the cluster's included), km/s.</summary>
    public double PeculiarVelocityPerComponentKmPerS { get; init; } = 300;

    /// <summary>Throws on negative densities, an empty mass range, or non-positive depth.</summary>
    public InterloperOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BackgroundSurfaceDensityH2PerMpc2);
        ArgumentOutOfRangeException.ThrowIfNegative(HaloSpaceDensityH3PerMpc3);
        ArgumentOutOfRangeException.ThrowIfNegative(PlacementMarginMpcOverH);
        ArgumentOutOfRangeException.ThrowIfNegative(PeculiarVelocityPerComponentKmPerS);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LineOfSightDepthMpcOverH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MassFunctionSlope);
        if (!(Log10MassMin < Log10MassMax && Log10MassMin > 9 && Log10MassMax < 16.5))
        {
            throw new ArgumentOutOfRangeException(nameof(Log10MassMin), Log10MassMin, "Neighbour masses need 9 < log10 M_min < log10 M_max < 16.5.");
        }
        return this;
    }
}
