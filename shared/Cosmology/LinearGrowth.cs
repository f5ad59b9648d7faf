using MathNet.Numerics.Integration;

namespace StreamProcessor.Cosmology;

/// <summary>
/// Linear growth factor of matter perturbations in flat ΛCDM (no radiation, no massive neutrinos).
/// D(a) ∝ E(a) ∫₀ᵃ da′ / (a′E(a′))³ (Heath 1977, MNRAS 179, 351; reference sheet §1), normalised so that D(z = 0) = 1.
/// </summary>
public static class LinearGrowth
{
    // The substituted integrand below is a smooth rational function of u, so a fixed Gauss–Legendre rule
    // reaches double precision (checked against an ODE integration in the tests).
    private const int QuadratureOrder = 48;

    /// <summary>D(z) / D(0).</summary>
    public static double Factor(double redshift, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(redshift);
        return Unnormalised(1.0 / (1.0 + redshift), cosmology) / Unnormalised(1.0, cosmology);
    }

    /// <summary>D at scale factor a, up to a constant: E(a) ∫₀ᵃ da′ / (a′E(a′))³.</summary>
    private static double Unnormalised(double scaleFactor, FlatLcdm cosmology)
    {
        double omegaM = cosmology.OmegaM;
        double omegaL = cosmology.OmegaLambda;

        // (a′E)⁻³ = a′^{3/2} (Ω_m + Ω_Λ a′³)^{-3/2}; with a′ = u² the a′^{3/2} kink at 0 becomes 2u⁴ du.
        double integral = GaussLegendreRule.Integrate(
            u =>
            {
                double u2 = u * u;
                double x = omegaM + (omegaL * u2 * u2 * u2);
                return 2.0 * u2 * u2 / (x * Math.Sqrt(x));
            },
            0.0,
            Math.Sqrt(scaleFactor),
            QuadratureOrder);

        double e = Math.Sqrt((omegaM / (scaleFactor * scaleFactor * scaleFactor)) + omegaL);
        return e * integral;
    }
}
