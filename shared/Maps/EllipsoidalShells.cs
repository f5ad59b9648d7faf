using MathNet.Numerics.Integration;

namespace StreamProcessor.Maps;

/// <summary>
/// Content of a sphere for a distribution stratified on similar ellipsoids m² = x² + y²/q1² + z²/q2²:
/// with s(n̂)² = n_x² + n_y²/q1² + n_z²/q2², the sphere of radius R holds
/// (1 / 4π q1 q2) ∮ dΩ s⁻³ C(R s), where C(m) is the content of the ellipsoid of radius m
/// (substitute u = r s in ∫ ρ(r s) r² dr). Since ∮ s⁻³ dΩ = 4π q1 q2, a sphere enclosing the ellipsoid returns C(∞).
/// Gauss–Legendre on one octant (the integrand has the ellipsoid's mirror symmetries).
/// </summary>
public static class EllipsoidalShells
{
    private const int Nodes = 16;
    private static readonly GaussLegendreRule CosThetaRule = new(0.0, 1.0, Nodes);
    private static readonly GaussLegendreRule PhiRule = new(0.0, Math.PI / 2, Nodes);

    /// <summary>Content of the sphere of radius <paramref name="radius"/> given the ellipsoid content function.</summary>
    public static double WithinSphere(Func<double, double> ellipsoidContent, double radius, double axisRatioBA, double axisRatioCA)
    {
        ArgumentNullException.ThrowIfNull(ellipsoidContent);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        double invQ1Squared = 1 / (axisRatioBA * axisRatioBA), invQ2Squared = 1 / (axisRatioCA * axisRatioCA);
        double sum = 0;
        for (int i = 0; i < Nodes; i++)
        {
            double mu = CosThetaRule.Abscissas[i];
            double sinTheta2 = 1 - (mu * mu);
            for (int j = 0; j < Nodes; j++)
            {
                double phi = PhiRule.Abscissas[j];
                double c = Math.Cos(phi), s = Math.Sin(phi);
                double s2 = (sinTheta2 * c * c) + (sinTheta2 * s * s * invQ1Squared) + (mu * mu * invQ2Squared);
                double scale = Math.Sqrt(s2);
                sum += CosThetaRule.Weights[i] * PhiRule.Weights[j] * ellipsoidContent(radius * scale) / (s2 * scale);
            }
        }
        return 8 * sum / (4 * Math.PI * axisRatioBA * axisRatioCA);
    }
}
