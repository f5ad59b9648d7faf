namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Eisenstein &amp; Hu (1998) transfer function with baryon acoustic oscillations, arXiv:astro-ph/9709112, Eqs. 2–24:
/// T = f_b T_b + f_c T_c (Eq. 16). The formula takes k in Mpc⁻¹; this class takes k in h Mpc⁻¹ and converts.
/// Following the authors' tf_fit.c, z_eq of Eq. 2 and z_d of Eq. 4 enter R (Eq. 5) and y (Eq. 15) as 1 + z_eq and
/// 1 + z_d. Every k-independent quantity is computed once per cosmology, so one T(k) costs two logarithms, one sine,
/// one cube root and three exponentials or powers.
/// </summary>
public sealed class EisensteinHu1998 : ITransferFunction
{
    private readonly double _littleH;
    private readonly double _baryonFraction;
    private readonly double _soundHorizonMpc;
    private readonly double _qPerKMpc;
    private readonly double _silkKMpc;
    private readonly double _alphaC;
    private readonly double _betaC;
    private readonly double _alphaB;
    private readonly double _betaB;
    private readonly double _betaNode;

    /// <summary>Precomputes the k-independent pieces for one cosmology (σ₈ and n_s do not enter).</summary>
    public EisensteinHu1998(FlatLcdm cosmology)
    {
        (double h, double omegaMh2, double omegaBh2, double fb, double theta) = EisensteinHuInputs.From(cosmology);
        double theta4 = theta * theta * theta * theta;

        // Eq. 2 (as 1 + z_eq) and Eq. 3, k_eq in Mpc⁻¹.
        double onePlusZEq = 2.50e4 * omegaMh2 / theta4;
        double kEq = 7.46e-2 * omegaMh2 / (theta * theta);

        // Eq. 4: drag epoch.
        double b1 = 0.313 * Math.Pow(omegaMh2, -0.419) * (1.0 + (0.607 * Math.Pow(omegaMh2, 0.674)));
        double b2 = 0.238 * Math.Pow(omegaMh2, 0.223);
        double zDrag = 1291.0 * Math.Pow(omegaMh2, 0.251) / (1.0 + (0.659 * Math.Pow(omegaMh2, 0.828))) * (1.0 + (b1 * Math.Pow(omegaBh2, b2)));

        // Eq. 5: baryon-to-photon momentum density ratio at drag and at equality.
        double rDrag = 31.5 * omegaBh2 / theta4 * (1000.0 / (1.0 + zDrag));
        double rEq = 31.5 * omegaBh2 / theta4 * (1000.0 / onePlusZEq);

        // Eq. 6: sound horizon at the drag epoch, Mpc.
        _soundHorizonMpc = 2.0 / (3.0 * kEq) * Math.Sqrt(6.0 / rEq)
            * Math.Log((Math.Sqrt(1.0 + rDrag) + Math.Sqrt(rDrag + rEq)) / (1.0 + Math.Sqrt(rEq)));

        // Eq. 7: Silk damping scale, Mpc⁻¹.
        _silkKMpc = 1.6 * Math.Pow(omegaBh2, 0.52) * Math.Pow(omegaMh2, 0.73) * (1.0 + Math.Pow(10.4 * omegaMh2, -0.95));

        // Eq. 10: q = k / (13.41 k_eq).
        _qPerKMpc = 1.0 / (13.41 * kEq);

        // Eq. 11: α_c.
        double a1 = Math.Pow(46.9 * omegaMh2, 0.670) * (1.0 + Math.Pow(32.1 * omegaMh2, -0.532));
        double a2 = Math.Pow(12.0 * omegaMh2, 0.424) * (1.0 + Math.Pow(45.0 * omegaMh2, -0.582));
        _alphaC = Math.Pow(a1, -fb) * Math.Pow(a2, -fb * fb * fb);

        // Eq. 12: β_c, with f_c = 1 − f_b.
        double bc1 = 0.944 / (1.0 + Math.Pow(458.0 * omegaMh2, -0.708));
        double bc2 = Math.Pow(0.395 * omegaMh2, -0.0266);
        _betaC = 1.0 / (1.0 + (bc1 * (Math.Pow(1.0 - fb, bc2) - 1.0)));

        // Eqs. 14–15: α_b, with y = (1 + z_eq) / (1 + z_d).
        double y = onePlusZEq / (1.0 + zDrag);
        double sqrtOnePlusY = Math.Sqrt(1.0 + y);
        double g = y * ((-6.0 * sqrtOnePlusY) + ((2.0 + (3.0 * y)) * Math.Log((sqrtOnePlusY + 1.0) / (sqrtOnePlusY - 1.0))));
        _alphaB = 2.07 * kEq * _soundHorizonMpc * Math.Pow(1.0 + rDrag, -0.75) * g;

        // Eq. 23: node shift; Eq. 24: β_b.
        _betaNode = 8.41 * Math.Pow(omegaMh2, 0.435);
        _betaB = 0.5 + fb + ((3.0 - (2.0 * fb)) * Math.Sqrt((17.2 * omegaMh2 * 17.2 * omegaMh2) + 1.0));

        _littleH = h;
        _baryonFraction = fb;
    }

    /// <summary>Sound horizon at the drag epoch (Eq. 6), Mpc.</summary>
    public double SoundHorizonMpc => _soundHorizonMpc;

    /// <summary>The sound horizon in h⁻¹ Mpc: the wiggles go as j₀(k s̃).</summary>
    public double OscillationLengthMpcOverH => _soundHorizonMpc * _littleH;

    /// <summary>T(k) for k in h Mpc⁻¹ (dimensionless, → 1 as k → 0).</summary>
    public double Transfer(double kHOverMpc)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kHOverMpc);
        double k = kHOverMpc * _littleH;
        double q = k * _qPerKMpc;
        double q2 = q * q;
        double ks = k * _soundHorizonMpc;

        // Eqs. 19–20: T̃₀(k, α_c, β_c) = L / (L + C q²), L = ln(e + 1.8 β_c q), C = 14.2/α_c + 386/(1 + 69.9 q^1.08).
        double c386 = 386.0 / (1.0 + (69.9 * Math.Pow(q, 1.08)));
        double lnBetaC = Math.Log(Math.E + (1.8 * _betaC * q));
        double lnOne = Math.Log(Math.E + (1.8 * q));
        double t0OneBetaC = lnBetaC / (lnBetaC + ((14.2 + c386) * q2));
        double t0AlphaCBetaC = lnBetaC / (lnBetaC + (((14.2 / _alphaC) + c386) * q2));
        double t0OneOne = lnOne / (lnOne + ((14.2 + c386) * q2));

        // Eqs. 17–18: CDM part.
        double ks54 = ks / 5.4;
        double f = 1.0 / (1.0 + (ks54 * ks54 * ks54 * ks54));
        double tc = (f * t0OneBetaC) + ((1.0 - f) * t0AlphaCBetaC);

        // Eq. 22: shifted sound horizon s̃(k); Eq. 21: baryon part, j₀(x) = sin x / x.
        double node = _betaNode / ks;
        double xTilde = ks / Math.Cbrt(1.0 + (node * node * node));
        double ks52 = ks / 5.2;
        double betaBOverKs = _betaB / ks;
        double tb = ((t0OneOne / (1.0 + (ks52 * ks52)))
                     + (_alphaB / (1.0 + (betaBOverKs * betaBOverKs * betaBOverKs)) * Math.Exp(-Math.Pow(k / _silkKMpc, 1.4))))
                    * Math.Sin(xTilde) / xTilde;

        // Eq. 16.
        return (_baryonFraction * tb) + ((1.0 - _baryonFraction) * tc);
    }
}
