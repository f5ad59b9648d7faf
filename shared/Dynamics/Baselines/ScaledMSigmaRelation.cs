using StreamProcessor.Cosmology;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// A published M–σ power law σ = A [h(z) M200c / 1e15 M☉]^B (reference sheet §3) and its inverse.
/// h conventions: the papers write h(z) = h E(z) times a mass in M☉; our masses are in h⁻¹ M☉, so
/// h(z) M[M☉] = h E(z) M[h⁻¹ M☉] / h = E(z) M[h⁻¹ M☉]: h cancels and only E(z) of the cosmology enters.
/// Calibrated on haloes above ≈ 1e14 h⁻¹ M☉; the validity window here, [1e13, 1e16] h⁻¹ M☉ and 0 ≤ z ≤ 2, allows the
/// one-decade downward extrapolation a baseline needs at the bottom of the training range (1e13.5). Outside it the
/// relation refuses (<see cref="M200cMsunOverH"/> throws, <see cref="TryM200cMsunOverH"/> returns false).
/// </summary>
public sealed record ScaledMSigmaRelation(string Name, double NormalisationKmPerS, double Slope)
{
    public const double PivotMassMsun = 1e15;
    public const double MinimumMassMsunOverH = 1e13;
    public const double MaximumMassMsunOverH = 1e16;
    public const double MaximumRedshift = 2;

    /// <summary>Dark-matter dispersion: σ_DM = 1082.9 km/s [h(z) M200c/1e15 M☉]^0.3361 (Evrard et al. 2008, ApJ 672, 122, astro-ph/0702241, Eq. 1 with their best fit).</summary>
    public static ScaledMSigmaRelation Evrard08 { get; } = new("Evrard+08", 1082.9, 0.3361);

    /// <summary>Galaxy dispersion: σ = 1177 km/s [h(z) M200c/1e15 M☉]^0.364 (Munari et al. 2013, arXiv:1301.1682, Table 1, galaxies).</summary>
    public static ScaledMSigmaRelation Munari13Galaxies { get; } = new("Munari+13 galaxies", 1177, 0.364);

    /// <summary>σ in km/s for M200c in h⁻¹ M☉ at redshift z.</summary>
    public double SigmaKmPerS(double m200cMsunOverH, double redshift, FlatLcdm cosmology)
    {
        RequireCalibrated(m200cMsunOverH, redshift);
        double scaledMass = Background.E(redshift, cosmology) * m200cMsunOverH / PivotMassMsun;
        return NormalisationKmPerS * Math.Pow(scaledMass, Slope);
    }

    /// <summary>The inverse: M200c in h⁻¹ M☉ = (σ/A)^(1/B) × 1e15 / E(z). Throws outside the validity window.</summary>
    public double M200cMsunOverH(double sigmaKmPerS, double redshift, FlatLcdm cosmology)
    {
        double mass = Invert(sigmaKmPerS, redshift, cosmology);
        RequireCalibrated(mass, redshift);
        return mass;
    }

    /// <summary>As <see cref="M200cMsunOverH"/>, but returns false (and the unchecked inverse) outside the validity window.</summary>
    public bool TryM200cMsunOverH(double sigmaKmPerS, double redshift, FlatLcdm cosmology, out double m200cMsunOverH)
    {
        m200cMsunOverH = Invert(sigmaKmPerS, redshift, cosmology);
        return m200cMsunOverH is >= MinimumMassMsunOverH and <= MaximumMassMsunOverH && redshift is >= 0 and <= MaximumRedshift;
    }

    private double Invert(double sigmaKmPerS, double redshift, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaKmPerS);
        if (!(redshift is >= 0 and <= MaximumRedshift)) throw new ArgumentOutOfRangeException(nameof(redshift), redshift, "Need 0 ≤ z ≤ 2.");
        return Math.Pow(sigmaKmPerS / NormalisationKmPerS, 1 / Slope) * PivotMassMsun / Background.E(redshift, cosmology);
    }

    private void RequireCalibrated(double massMsunOverH, double redshift)
    {
        if (!(massMsunOverH is >= MinimumMassMsunOverH and <= MaximumMassMsunOverH))
        {
            throw new ArgumentOutOfRangeException(nameof(massMsunOverH), massMsunOverH, $"{Name}: M200c outside [1e13, 1e16] h^-1 M_sun.");
        }
        if (!(redshift is >= 0 and <= MaximumRedshift))
        {
            throw new ArgumentOutOfRangeException(nameof(redshift), redshift, $"{Name}: z outside [0, 2].");
        }
    }
}
