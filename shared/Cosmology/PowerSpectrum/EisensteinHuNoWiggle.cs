namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Eisenstein &amp; Hu (1998) "no-wiggle" (zero-baryon-oscillation) transfer function, arXiv:astro-ph/9709112,
/// Eqs. 26 (sound horizon fit), 28 (q), 29 (L₀, C₀), 30 (Γ_eff) and 31 (α_Γ); reference sheet §7.
/// The formula takes k in Mpc⁻¹; this class takes k in h Mpc⁻¹ and converts.
/// </summary>
public sealed class EisensteinHuNoWiggle : ITransferFunction
{
    private readonly double _littleH;
    private readonly double _omegaMH;
    private readonly double _alphaGamma;
    private readonly double _soundHorizonMpc;
    private readonly double _theta2;

    /// <summary>Precomputes the k-independent pieces for one cosmology (σ₈ does not enter).</summary>
    public EisensteinHuNoWiggle(FlatLcdm cosmology)
    {
        (double h, double omegaMh2, double omegaBh2, double baryonFraction, double theta) = EisensteinHuInputs.From(cosmology);

        _littleH = h;
        _omegaMH = cosmology.OmegaM * h;
        _theta2 = theta * theta;

        // EH98 Eq. 26: approximate sound horizon in Mpc.
        _soundHorizonMpc = 44.5 * Math.Log(9.83 / omegaMh2) / Math.Sqrt(1.0 + (10.0 * Math.Pow(omegaBh2, 0.75)));

        // EH98 Eq. 31.
        _alphaGamma = 1.0
            - (0.328 * Math.Log(431.0 * omegaMh2) * baryonFraction)
            + (0.38 * Math.Log(22.3 * omegaMh2) * baryonFraction * baryonFraction);
    }

    /// <summary>0: this fit has no oscillations.</summary>
    public double OscillationLengthMpcOverH => 0.0;

    /// <summary>T(k) for k in h Mpc⁻¹ (dimensionless, → 1 as k → 0).</summary>
    public double Transfer(double kHOverMpc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kHOverMpc);
        double kMpc = kHOverMpc * _littleH;

        // EH98 Eq. 30: effective shape parameter Γ_eff(k).
        double ks = 0.43 * kMpc * _soundHorizonMpc;
        double ks2 = ks * ks;
        double gammaEff = _omegaMH * (_alphaGamma + ((1.0 - _alphaGamma) / (1.0 + (ks2 * ks2))));

        // EH98 Eq. 28: q = (k / h Mpc⁻¹) Θ²_2.7 / Γ_eff.
        double q = kHOverMpc * _theta2 / gammaEff;

        // EH98 Eq. 29.
        double l0 = Math.Log((2.0 * Math.E) + (1.8 * q));
        double c0 = 14.2 + (731.0 / (1.0 + (62.5 * q)));
        return l0 / (l0 + (c0 * q * q));
    }

    /// <summary>Convenience: T(k) for one call (k in h Mpc⁻¹). Build an instance when evaluating many k.</summary>
    public static double Transfer(double kHOverMpc, FlatLcdm cosmology) => new EisensteinHuNoWiggle(cosmology).Transfer(kHOverMpc);
}
