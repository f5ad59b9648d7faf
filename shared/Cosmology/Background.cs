using MathNet.Numerics.Integration;

namespace StreamProcessor.Cosmology;

/// <summary>
/// Flat-ΛCDM background: expansion rate, densities and distances. Distances are in h⁻¹ Mpc.
/// Formulas: Hogg (1999), arXiv:astro-ph/9905116, Eqs. 14 (E(z)), 15 (D_C), 18 (D_A), 28 (dV_C).
/// </summary>
public static class Background
{
    /// <summary>E(z) = H(z)/H0 = sqrt(Ω_m (1+z)³ + Ω_Λ); Hogg (1999) Eq. 14 with Ω_k = 0, radiation neglected.</summary>
    public static double E(double redshift, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(redshift, -0.99);
        double a3 = Math.Pow(1 + redshift, 3);
        return Math.Sqrt((cosmology.OmegaM * a3) + cosmology.OmegaLambda);
    }

    /// <summary>H(z) in h km/s/Mpc (i.e. 100 E(z)): the unit that makes Δχ in h⁻¹ Mpc give km/s.</summary>
    public static double HubbleRateHKmPerSPerMpc(double redshift, FlatLcdm cosmology) => 100.0 * E(redshift, cosmology);

    /// <summary>Ω_m(z) = Ω_m (1+z)³ / E(z)².</summary>
    public static double OmegaMAt(double redshift, FlatLcdm cosmology)
    {
        double e = E(redshift, cosmology);
        return cosmology.OmegaM * Math.Pow(1 + redshift, 3) / (e * e);
    }

    /// <summary>ρ_c(z) in h² M☉ Mpc⁻³ (reference sheet §1): ρ_c0 E(z)².</summary>
    public static double CriticalDensityH2MsunPerMpc3(double redshift, FlatLcdm cosmology)
    {
        double e = E(redshift, cosmology);
        return PhysicalConstants.RhoCrit0H2MsunPerMpc3 * e * e;
    }

    /// <summary>Mean matter density at z = 0, ρ̄_m = ρ_c0 Ω_m, in h² M☉ Mpc⁻³ (comoving).</summary>
    public static double MeanMatterDensityH2MsunPerMpc3(FlatLcdm cosmology) =>
        PhysicalConstants.RhoCrit0H2MsunPerMpc3 * cosmology.OmegaM;

    /// <summary>Line-of-sight comoving distance D_C in h⁻¹ Mpc; Hogg (1999) Eq. 15, adaptive double-exponential quadrature.</summary>
    public static double ComovingDistanceMpcOverH(double redshift, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(redshift);
        if (redshift == 0) return 0;
        double integral = DoubleExponentialTransformation.Integrate(z => 1.0 / E(z, cosmology), 0, redshift, 1e-12);
        return PhysicalConstants.HubbleDistanceMpcOverH * integral;
    }

    /// <summary>Angular-diameter distance D_A = D_C / (1+z) in h⁻¹ Mpc (flat); Hogg (1999) Eq. 18.</summary>
    public static double AngularDiameterDistanceMpcOverH(double redshift, FlatLcdm cosmology) =>
        ComovingDistanceMpcOverH(redshift, cosmology) / (1 + redshift);

    /// <summary>Luminosity distance D_L = (1+z) D_C in h⁻¹ Mpc (flat); Hogg (1999) Eq. 21.</summary>
    public static double LuminosityDistanceMpcOverH(double redshift, FlatLcdm cosmology) =>
        ComovingDistanceMpcOverH(redshift, cosmology) * (1 + redshift);

    /// <summary>Comoving volume element dV_C/dz/dΩ in h⁻³ Mpc³ sr⁻¹ (flat): D_H D_C² / E(z); Hogg (1999) Eq. 28.</summary>
    public static double ComovingVolumeElementMpc3OverH3PerSr(double redshift, FlatLcdm cosmology)
    {
        double dc = ComovingDistanceMpcOverH(redshift, cosmology);
        return PhysicalConstants.HubbleDistanceMpcOverH * dc * dc / E(redshift, cosmology);
    }
}
