using MathNet.Numerics.Integration;

namespace StreamProcessor.Maps;

/// <summary>
/// Line-of-sight projection P(m⊥) = 2 ∫0^√(R² − m⊥²) f(√(m⊥² + t²)) dt of a profile f(m) truncated at m = R,
/// tabulated once per halo on a log grid in m⊥, so a map costs one lookup per pixel instead of a 3-D integral.
/// The substitution t = m⊥ sinh v turns it into 2 ∫0^acosh(R/m⊥) f(m⊥ cosh v) m⊥ cosh v dv: smooth, with no
/// endpoint singularity, and logarithmic in t where the profile is a power law; Gauss–Legendre in v.
/// For an ellipsoidal distribution seen along axis k the map is P(m⊥)/√A_kk (see <see cref="ProjectionGeometry"/>).
/// </summary>
public sealed class ProjectedProfileTable
{
    /// <summary>Innermost tabulated m⊥ in units of R; inside it P is taken as flat (the β-model core is far larger).</summary>
    public const double InnerRadiusFraction = 1e-3;

    private const int DefaultNodes = 160;
    private const int QuadratureNodes = 48;
    private static readonly GaussLegendreRule UnitRule = new(0.0, 1.0, QuadratureNodes);

    private readonly double[] _values;
    private readonly double _lnMin;
    private readonly double _step;

    private ProjectedProfileTable(double[] values, double lnMin, double step, double radius)
    {
        _values = values;
        _lnMin = lnMin;
        _step = step;
        TruncationRadius = radius;
        TruncationRadiusSquared = radius * radius;
    }

    /// <summary>R: the profile is zero beyond it.</summary>
    public double TruncationRadius { get; }

    /// <summary>R².</summary>
    public double TruncationRadiusSquared { get; }

    /// <summary>Tabulates the projection of <paramref name="profile"/> (per unit length³ → per unit length²) truncated at <paramref name="radius"/>.</summary>
    public static ProjectedProfileTable Build(Func<double, double> profile, double radius, int nodes = DefaultNodes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radius);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 8);
        double lnMin = Math.Log(InnerRadiusFraction * radius);
        double step = (Math.Log(radius) - lnMin) / (nodes - 1);
        var values = new double[nodes];
        for (int i = 0; i < nodes - 1; i++)
        {
            double mPerp = Math.Exp(lnMin + (i * step));
            double vMax = Math.Acosh(radius / mPerp);
            double sum = 0;
            for (int q = 0; q < QuadratureNodes; q++)
            {
                double m = mPerp * Math.Cosh(vMax * UnitRule.Abscissas[q]);
                sum += UnitRule.Weights[q] * profile(m) * m;
            }
            values[i] = 2 * vMax * sum;
        }
        values[^1] = 0;
        return new ProjectedProfileTable(values, lnMin, step, radius);
    }

    /// <summary>P at projected radius² m⊥² (same length unit as the radius); zero outside R.</summary>
    public double AtSquaredRadius(double mPerpSquared)
    {
        if (mPerpSquared >= TruncationRadiusSquared) return 0;
        Locate(mPerpSquared, out int i, out double w);
        return ValueAt(i, w);
    }

    /// <summary>Grid cell and weight of m⊥² (shared by tables built on the same radius and node count).</summary>
    public void Locate(double mPerpSquared, out int index, out double weight)
    {
        double position = mPerpSquared > 0 ? ((0.5 * Math.Log(mPerpSquared)) - _lnMin) / _step : 0;
        if (position <= 0)
        {
            index = 0;
            weight = 0;
            return;
        }
        index = Math.Min((int)position, _values.Length - 2);
        weight = Math.Min(position - index, 1.0);
    }

    /// <summary>Linear interpolation in ln m⊥ between nodes <paramref name="index"/> and index + 1.</summary>
    public double ValueAt(int index, double weight) => (_values[index] * (1 - weight)) + (_values[index + 1] * weight);
}
