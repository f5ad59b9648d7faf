namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Fourier transform of the real-space spherical top hat, W(x) = 3 (sin x − x cos x) / x³ (reference sheet §7),
/// and its derivative dW/dx = 3 [(x² − 3) sin x + 3x cos x] / x⁴.
/// </summary>
public static class TopHatWindow
{
    // Below this x the closed forms cancel catastrophically (dW/dx ~ −x/5 is a difference of O(1) terms);
    // the Taylor series W = 3 Σ (−1)ⁿ (2n+2) x²ⁿ / (2n+3)! truncated after x⁸ is exact to ~1e-17 there.
    private const double SeriesBelow = 0.1;

    /// <summary>W(x).</summary>
    public static double Value(double x)
    {
        if (Math.Abs(x) < SeriesBelow)
        {
            double x2 = x * x;
            return 1.0 + (x2 * (-1.0 / 10.0 + (x2 * (1.0 / 280.0 + (x2 * (-1.0 / 15120.0 + (x2 / 1330560.0)))))));
        }

        return 3.0 * (Math.Sin(x) - (x * Math.Cos(x))) / (x * x * x);
    }

    /// <summary>dW/dx.</summary>
    public static double Derivative(double x)
    {
        if (Math.Abs(x) < SeriesBelow)
        {
            double x2 = x * x;
            return x * (-2.0 / 10.0 + (x2 * (4.0 / 280.0 + (x2 * (-6.0 / 15120.0 + (x2 * 8.0 / 1330560.0))))));
        }

        (double sin, double cos) = Math.SinCos(x);
        double x2b = x * x;
        return 3.0 * (((x2b - 3.0) * sin) + (3.0 * x * cos)) / (x2b * x2b);
    }

    /// <summary>W(x) and dW/dx together (one sin/cos evaluation).</summary>
    public static (double Value, double Derivative) ValueAndDerivative(double x)
    {
        if (Math.Abs(x) < SeriesBelow) return (Value(x), Derivative(x));
        (double sin, double cos) = Math.SinCos(x);
        double x2 = x * x;
        double value = 3.0 * (sin - (x * cos)) / (x2 * x);
        double derivative = 3.0 * (((x2 - 3.0) * sin) + (3.0 * x * cos)) / (x2 * x2);
        return (value, derivative);
    }
}
