namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Natural cubic spline on a uniform grid x₀ + iΔ: the same curve as MathNet's natural spline, but evaluated by
/// index arithmetic instead of a binary search (the σ(M) quadrature reads it ~50,000 times per table).
/// Second derivatives M from the tridiagonal system M_{i−1} + 4M_i + M_{i+1} = 6(y_{i−1} − 2y_i + y_{i+1})/Δ², M₀ = M_n = 0.
/// </summary>
internal sealed class UniformCubicSpline
{
    private readonly double _x0;
    private readonly double _step;
    private readonly double[] _y;
    private readonly double[] _m;

    /// <summary>Values <paramref name="y"/> (at least 3) at x₀ + iΔ.</summary>
    public UniformCubicSpline(double x0, double step, double[] y)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(y.Length, 3);
        _x0 = x0;
        _step = step;
        _y = y;
        _m = new double[y.Length];

        // Thomas algorithm on the interior nodes 1 … n−1.
        int n = y.Length - 1;
        var c = new double[n];
        var d = new double[n];
        for (int i = 1; i < n; i++)
        {
            double rhs = 6.0 * (y[i - 1] - (2.0 * y[i]) + y[i + 1]) / (step * step);
            double denominator = 4.0 - (i > 1 ? c[i - 1] : 0.0);
            c[i] = 1.0 / denominator;
            d[i] = (rhs - (i > 1 ? d[i - 1] : 0.0)) / denominator;
        }

        for (int i = n - 1; i >= 1; i--) _m[i] = d[i] - (c[i] * _m[i + 1]);
    }

    /// <summary>Largest x of the grid.</summary>
    public double MaxX => _x0 + ((_y.Length - 1) * _step);

    /// <summary>The spline at <paramref name="x"/> in [x₀, <see cref="MaxX"/>].</summary>
    public double Interpolate(double x)
    {
        double u = (x - _x0) / _step;
        int i = Math.Clamp((int)u, 0, _y.Length - 2);
        double t = u - i;
        double s = 1.0 - t;
        double h2 = _step * _step / 6.0;
        return (s * _y[i]) + (t * _y[i + 1]) + (h2 * ((((s * s * s) - s) * _m[i]) + (((t * t * t) - t) * _m[i + 1])));
    }
}
