namespace StreamProcessor.Dynamics.SpecialFunctions;

/// <summary>
/// The dilogarithm Li2(x) = −∫0^x ln(1−t)/t dt = Σ x^k/k² for real x ≤ 1 (the real branch).
/// Needed by the isotropic NFW Jeans dispersion of Łokas &amp; Mamon (2001), arXiv:astro-ph/0002395, Eq. 14.
/// Method ('t Hooft &amp; Veltman 1979, Nucl. Phys. B153, 365, App. A): map x into [−1, 1/2] with
/// the inversion identity Li2(x) = −π²/6 − ½ ln²(−x) − Li2(1/x) for x &lt; −1 (reference sheet §2) and the
/// reflection identity Li2(x) = π²/6 − ln x ln(1−x) − Li2(1−x) for x &gt; 1/2; there sum the Bernoulli series
/// Li2(x) = Σ_n B_n u^(n+1)/(n+1)!, u = −ln(1−x), |u| ≤ ln 2, which converges like (u/2π)^n.
/// </summary>
public static class Dilogarithm
{
    /// <summary>Li2(1) = ζ(2) = π²/6.</summary>
    public const double Zeta2 = Math.PI * Math.PI / 6.0;

    // B_2k / (2k+1)! for k = 1..10; Bernoulli numbers from Abramowitz & Stegun Table 23.2.
    private static readonly double[] BernoulliSeriesCoefficients = BuildCoefficients();

    /// <summary>Li2(x) for real x ≤ 1.</summary>
    public static double Li2(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x > 1) throw new ArgumentOutOfRangeException(nameof(x), x, "Li2 is real-valued only for x ≤ 1.");
        if (x == 1) return Zeta2;
        if (double.IsNegativeInfinity(x)) return double.NegativeInfinity;

        if (x < -1)
        {
            // Inversion (reference sheet §2, with x → −x): maps (−∞, −1) onto (−1, 0).
            double logMinusX = Math.Log(-x);
            return -Zeta2 - (0.5 * logMinusX * logMinusX) - BernoulliSeries(1 / x);
        }
        if (x > 0.5)
        {
            // Reflection: maps (1/2, 1) onto (0, 1/2).
            return Zeta2 - (Math.Log(x) * Math.Log(1 - x)) - BernoulliSeries(1 - x);
        }
        return BernoulliSeries(x);
    }

    /// <summary>Σ_n B_n u^(n+1)/(n+1)! with u = −ln(1−x); valid for x ∈ [−1, 1/2], where |u| ≤ ln 2.</summary>
    private static double BernoulliSeries(double x)
    {
        double u = -LogOnePlus(-x);
        if (Math.Abs(x) < 1e-8)
        {
            // log(1−x) loses relative precision for tiny x; the power series x + x²/4 + x³/9 is exact here.
            return x * (1 + (x * (0.25 + (x / 9))));
        }
        double u2 = u * u;
        double sum = 0;
        // Horner in u² over the even Bernoulli terms, then the B_0 and B_1 terms.
        for (int k = BernoulliSeriesCoefficients.Length - 1; k >= 0; k--)
        {
            sum = (sum * u2) + BernoulliSeriesCoefficients[k];
        }
        return u - (u2 / 4) + (sum * u2 * u);
    }

    /// <summary>ln(1+y) to full relative precision for small y (Goldberg 1991, ACM Comput. Surv. 23, 5, Theorem 4).</summary>
    private static double LogOnePlus(double y)
    {
        double onePlusY = 1 + y;
        return onePlusY == 1 ? y : Math.Log(onePlusY) * y / (onePlusY - 1);
    }

    private static double[] BuildCoefficients()
    {
        // Even Bernoulli numbers B_2 .. B_20 (A&S Table 23.2).
        double[] bernoulli =
        [
            1.0 / 6.0, -1.0 / 30.0, 1.0 / 42.0, -1.0 / 30.0, 5.0 / 66.0,
            -691.0 / 2730.0, 7.0 / 6.0, -3617.0 / 510.0, 43867.0 / 798.0, -174611.0 / 330.0,
        ];
        var coefficients = new double[bernoulli.Length];
        for (int k = 1; k <= bernoulli.Length; k++)
        {
            double factorial = 1;
            for (int i = 2; i <= (2 * k) + 1; i++) factorial *= i;
            coefficients[k - 1] = bernoulli[k - 1] / factorial;
        }
        return coefficients;
    }
}
