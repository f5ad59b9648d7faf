namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// σ(M, z) and dln σ/dln M for halo masses, through the cached <see cref="SigmaTable"/>.
/// M = (4π/3) ρ̄_m R³ with ρ̄_m = ρ_c0 Ω_m the comoving mean matter density (reference sheet §7).
/// </summary>
public static class MassVariance
{
    /// <summary>Lagrangian radius R = [3M / (4π ρ̄_m)]^{1/3}, comoving h⁻¹ Mpc.</summary>
    public static double LagrangianRadiusMpcOverH(double massMsunOverH, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        return Math.Cbrt(3.0 * massMsunOverH / (4.0 * Math.PI * Background.MeanMatterDensityH2MsunPerMpc3(cosmology)));
    }

    /// <summary>Lagrangian mass of a comoving top-hat radius R (h⁻¹ Mpc), h⁻¹ M☉.</summary>
    public static double LagrangianMassMsunOverH(double radiusMpcOverH, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusMpcOverH);
        return 4.0 / 3.0 * Math.PI * Background.MeanMatterDensityH2MsunPerMpc3(cosmology) * radiusMpcOverH * radiusMpcOverH * radiusMpcOverH;
    }

    /// <summary>σ(M, z) = σ₈ [σ(M, 0)/σ₈] D(z).</summary>
    public static double Sigma(double massMsunOverH, double redshift, FlatLcdm cosmology) =>
        cosmology.Sigma8 * SigmaTable.For(cosmology).SigmaOverSigma8(massMsunOverH) * LinearGrowth.Factor(redshift, cosmology);

    /// <summary>dln σ / dln M (negative; independent of z and σ₈).</summary>
    public static double DlnSigmaDlnM(double massMsunOverH, FlatLcdm cosmology) =>
        SigmaTable.For(cosmology).DlnSigmaDlnM(massMsunOverH);
}
