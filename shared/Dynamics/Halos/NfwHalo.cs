using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics.SpecialFunctions;

namespace StreamProcessor.Dynamics.Halos;

/// <summary>
/// One NFW halo with the 200c mass definition: structure, potential, isotropic Jeans dispersion and the exact
/// inverse-CDF radius sampler (reference sheet §2). Masses in h⁻¹ M☉, radii in physical h⁻¹ Mpc, speeds in km/s
/// (G M / R is independent of h, so V200 and σ_r carry no h).
/// </summary>
public sealed record NfwHalo
{
    private NfwHalo(double m200c, double redshift, double concentration, double r200c)
    {
        M200cMsunOverH = m200c;
        Redshift = redshift;
        Concentration = concentration;
        R200cMpcOverH = r200c;
        MuOfConcentration = Nfw.Mu(concentration);
        V200KmPerS = Nfw.CircularVelocityKmPerS(m200c, r200c);
    }

    public double M200cMsunOverH { get; }
    public double Redshift { get; }

    /// <summary>c = R200c / r_s.</summary>
    public double Concentration { get; }

    /// <summary>R200c in physical h⁻¹ Mpc.</summary>
    public double R200cMpcOverH { get; }

    /// <summary>V200 = sqrt(G M200c / R200c), km/s.</summary>
    public double V200KmPerS { get; }

    /// <summary>μ(c) = ln(1+c) − c/(1+c).</summary>
    public double MuOfConcentration { get; }

    public double ScaleRadiusMpcOverH => R200cMpcOverH / Concentration;

    /// <summary>A halo of mass M200c (h⁻¹ M☉) at redshift z with concentration c200c; R200c from ρ_c(z) of the cosmology.</summary>
    public static NfwHalo Create(double m200cMsunOverH, double redshift, double concentration, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m200cMsunOverH);
        ArgumentOutOfRangeException.ThrowIfNegative(redshift);
        if (!(concentration is > 0 and < 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(concentration), concentration, "Concentration must lie in (0, 1000).");
        }
        double r200c = Nfw.RadiusMpcOverH(m200cMsunOverH, redshift, Overdensity.Critical200, cosmology);
        return new NfwHalo(m200cMsunOverH, redshift, concentration, r200c);
    }

    /// <summary>M(&lt;r)/M200c = μ(r/r_s)/μ(c) (reference sheet §2).</summary>
    public double EnclosedMassFraction(double radiusMpcOverH) =>
        Nfw.Mu(radiusMpcOverH / ScaleRadiusMpcOverH) / MuOfConcentration;

    /// <summary>Φ(r) = −(G M200c/μ(c)) ln(1 + r/r_s)/r in (km/s)² (reference sheet §2), untruncated profile.</summary>
    public double PotentialKm2PerS2(double radiusMpcOverH)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(radiusMpcOverH);
        double x = radiusMpcOverH / ScaleRadiusMpcOverH;
        // ln(1+x)/x → 1 as x → 0: Φ(0) = −G M200c / (μ(c) r_s).
        double logOverX = x < 1e-8 ? 1 - (x / 2) : Math.Log(1 + x) / x;
        return -V200KmPerS * V200KmPerS * Concentration / MuOfConcentration * logOverX;
    }

    /// <summary>Escape speed sqrt(2 |Φ(r)|) of the untruncated NFW profile, km/s.</summary>
    public double EscapeSpeedKmPerS(double radiusMpcOverH) => Math.Sqrt(-2 * PotentialKm2PerS2(radiusMpcOverH));

    /// <summary>
    /// Isotropic Jeans radial dispersion σ_r(r) in km/s: Łokas &amp; Mamon (2001), arXiv:astro-ph/0002395, Eq. 14 with β = 0,
    /// as written in the reference sheet §2 (s = r/R200c, g = 1/μ(c), V_v = V200).
    /// </summary>
    public double RadialVelocityDispersionKmPerS(double radiusMpcOverH)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusMpcOverH);
        double s = radiusMpcOverH / R200cMpcOverH;
        double cs = Concentration * s;
        double onePlusCs = 1 + cs;
        double logOnePlusCs = Math.Log(onePlusCs);
        double bracket = (Math.PI * Math.PI)
            - Math.Log(cs)
            - (1 / cs)
            - (1 / (onePlusCs * onePlusCs))
            - (6 / onePlusCs)
            + ((1 + (1 / (cs * cs)) - (4 / cs) - (2 / onePlusCs)) * logOnePlusCs)
            + (3 * logOnePlusCs * logOnePlusCs)
            + (6 * Dilogarithm.Li2(-cs));
        double ratio = 0.5 * Concentration * Concentration / MuOfConcentration * s * onePlusCs * onePlusCs * bracket;
        // The bracket is a difference of O(1/cs) terms; rounding can make it a hair negative at very small cs.
        return V200KmPerS * Math.Sqrt(Math.Max(ratio, 0));
    }

    /// <summary>
    /// Exact inverse CDF of the NFW mass profile truncated at r_max = truncationInR200c × R200c
    /// (Robotham &amp; Howlett 2018, RNAAS 2, 55, arXiv:1805.09550; reference sheet §2):
    /// r/r_s = −1 − 1/W0(−exp(−1 − u μ(c_max))), c_max = c × truncationInR200c. <paramref name="uniform"/> ∈ [0, 1].
    /// </summary>
    public double RadiusFromUniformMpcOverH(double uniform, double truncationInR200c)
    {
        if (!(uniform is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "u must lie in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(truncationInR200c);
        double muMax = Nfw.Mu(Concentration * truncationInR200c);
        double w = LambertW.W0(-Math.Exp(-1 - (uniform * muMax)));
        return (-1 - (1 / w)) * ScaleRadiusMpcOverH;
    }
}
