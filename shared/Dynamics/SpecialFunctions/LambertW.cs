namespace StreamProcessor.Dynamics.SpecialFunctions;

/// <summary>
/// Principal branch W0 of the Lambert W function, the solution w ≥ −1 of w e^w = x for x ≥ −1/e.
/// Algorithm: Corless et al. (1996), "On the Lambert W function", Adv. Comput. Math. 5, 329:
/// branch-point series (their Eq. 4.22) near x = −1/e, asymptotic series (Eq. 4.19) for large x,
/// Winitzki's (2003) global approximation elsewhere, then Halley iterations (Eq. 5.9).
/// Used by the exact NFW inverse-CDF radius sampler (Robotham &amp; Howlett 2018, arXiv:1805.09550).
/// </summary>
public static class LambertW
{
    /// <summary>The branch point −1/e, where W0 = −1.</summary>
    public const double BranchPoint = -0.36787944117144233;

    // e = E_hi + E_lo exactly to ~32 digits; lets e x + 1 be formed without cancellation near x = −1/e (Boost does the same).
    private const double EulerLow = 1.4456468917292502e-16;

    private const int MaximumIterations = 30;

    /// <summary>W0(x) for x ≥ −1/e. Inputs within ~7 ulps below −1/e (e x + 1 ≥ −1e-15) are treated as the branch point: they are −1/e rounded.</summary>
    public static double W0(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        if (x == 0) return 0;

        // q = e x + 1 ≥ 0 measures the distance from the branch point.
        double q = Math.FusedMultiplyAdd(Math.E, x, 1.0) + (EulerLow * x);
        if (q <= 0)
        {
            if (q < -1e-15)
            {
                throw new ArgumentOutOfRangeException(nameof(x), x, "W0 is real only for x ≥ −1/e.");
            }
            return -1.0;
        }

        if (q < 1e-4)
        {
            // Very close to the branch point Halley's step divides by w+1 ≈ 0; the series with p ≤ 0.0142
            // is already exact to ~1e-16 there (next term ~ 0.016 p^7).
            return BranchSeries(Math.Sqrt(2 * q));
        }

        double w = StartValue(x, q);
        return x > 1e4 ? RefineLogarithmic(w, Math.Log(x)) : RefineHalley(w, x);
    }

    /// <summary>Corless et al. (1996) Eq. 4.22: W0 = −1 + p − p²/3 + 11/72 p³ − 43/540 p⁴ + 769/17280 p⁵ − 221/8505 p⁶, p = sqrt(2(e x + 1)).</summary>
    private static double BranchSeries(double p)
    {
        double tail = (769.0 / 17280.0) + (p * (-221.0 / 8505.0));
        tail = (-43.0 / 540.0) + (p * tail);
        tail = (11.0 / 72.0) + (p * tail);
        tail = (-1.0 / 3.0) + (p * tail);
        tail = 1.0 + (p * tail);
        return -1.0 + (p * tail);
    }

    private static double StartValue(double x, double q)
    {
        if (x < -0.25)
        {
            return BranchSeries(Math.Sqrt(2 * q));
        }
        if (x > 3)
        {
            // Corless et al. (1996) Eq. 4.19, first three terms: L1 − L2 + L2/L1.
            double l1 = Math.Log(x);
            double l2 = Math.Log(l1);
            return l1 - l2 + (l2 / l1);
        }
        // Winitzki (2003), "Uniform approximations for transcendental functions", LNCS 2667, 780: within ~2 % for x > −0.25.
        double lx = Math.Log(1 + x);
        return lx * (1 - (Math.Log(1 + lx) / (2 + lx)));
    }

    /// <summary>Halley's iteration on f(w) = w e^w − x; Corless et al. (1996) Eq. 5.9.</summary>
    private static double RefineHalley(double w, double x)
    {
        for (int i = 0; i < MaximumIterations; i++)
        {
            double ew = Math.Exp(w);
            double f = (w * ew) - x;
            double wp1 = w + 1;
            double step = f / ((ew * wp1) - ((w + 2) * f / (2 * wp1)));
            w -= step;
            if (Math.Abs(step) <= 2e-16 * Math.Max(1.0, Math.Abs(w)))
            {
                break;
            }
        }
        return w;
    }

    /// <summary>For large x, w e^w overflows before w converges; solve g(w) = w + ln w − ln x = 0 with Halley's method instead.</summary>
    private static double RefineLogarithmic(double w, double logX)
    {
        for (int i = 0; i < MaximumIterations; i++)
        {
            double g = w + Math.Log(w) - logX;
            double g1 = 1 + (1 / w);
            double g2 = -1 / (w * w);
            double step = g / g1 / (1 - (g * g2 / (2 * g1 * g1)));
            w -= step;
            if (Math.Abs(step) <= 2e-16 * Math.Abs(w))
            {
                break;
            }
        }
        return w;
    }
}
