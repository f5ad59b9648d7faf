namespace StreamProcessor.Cosmology.Halos;

/// <summary>
/// Navarro–Frenk–White halo basics (reference sheet §2). Masses in h⁻¹ M☉, radii in physical h⁻¹ Mpc.
/// </summary>
public static class Nfw
{
    /// <summary>μ(x) = ln(1+x) − x/(1+x): the NFW enclosed-mass shape, M(&lt;r) = M_Δ μ(r/r_s)/μ(c).</summary>
    public static double Mu(double x)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        // log1p keeps precision for small x, where ln(1+x) and x/(1+x) nearly cancel.
        return x < 1e-4 ? (x * x / 2) - (2 * x * x * x / 3) : Math.Log(1 + x) - (x / (1 + x));
    }

    /// <summary>R_Δ = [3 M_Δ / (4π Δ ρ_ref(z))]^(1/3), physical h⁻¹ Mpc.</summary>
    public static double RadiusMpcOverH(double massMsunOverH, double redshift, Overdensity overdensity, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        double rhoRef = overdensity.ReferenceDensityH2MsunPerMpc3(redshift, cosmology);
        return Math.Cbrt(3 * massMsunOverH / (4 * Math.PI * overdensity.Delta * rhoRef));
    }

    /// <summary>M_Δ from R_Δ (the inverse of <see cref="RadiusMpcOverH"/>).</summary>
    public static double MassMsunOverH(double radiusMpcOverH, double redshift, Overdensity overdensity, FlatLcdm cosmology)
    {
        double rhoRef = overdensity.ReferenceDensityH2MsunPerMpc3(redshift, cosmology);
        return 4.0 / 3.0 * Math.PI * overdensity.Delta * rhoRef * Math.Pow(radiusMpcOverH, 3);
    }

    /// <summary>Circular velocity at R_Δ, V_Δ = sqrt(G M_Δ / R_Δ), km/s (the h factors cancel).</summary>
    public static double CircularVelocityKmPerS(double massMsunOverH, double radiusMpcOverH) =>
        Math.Sqrt(PhysicalConstants.GravitationalConstantMpcKm2PerS2PerMsun * massMsunOverH / radiusMpcOverH);
}
