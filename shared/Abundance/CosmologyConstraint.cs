using StreamProcessor.Cosmology.Inference;

namespace StreamProcessor.Abundance;

/// <summary>
/// (Ω_m, σ₈) posterior from the binned counts above the completeness limit (flat priors on the grid;
/// <see cref="ClusterCountGridLikelihood"/>). S₈ = σ₈ (Ω_m / 0.3)^0.5.
/// </summary>
/// <param name="OmegaM">Marginal mean and σ of Ω_m.</param>
/// <param name="Sigma8">Marginal mean and σ of σ₈.</param>
/// <param name="S8">Mean and σ of S₈.</param>
/// <param name="BestOmegaM">Ω_m of the grid point with the largest likelihood.</param>
/// <param name="BestSigma8">σ₈ of that grid point.</param>
/// <param name="MaxLogLikelihood">The largest ln L on the grid.</param>
/// <param name="OmegaMAxis">Ω_m grid values (ascending): the configured grid, or a zoom on the posterior when the configured one resolves it too coarsely (<see cref="GridRefinement"/>).</param>
/// <param name="Sigma8Axis">σ₈ grid values (ascending).</param>
/// <param name="LogLikelihood">ln L flattened row-major: index = iOmegaM × Sigma8Axis.Count + jSigma8.</param>
/// <param name="LogLikelihoodLevel68">ln L contour enclosing 68 % of the grid posterior mass (highest density first).</param>
/// <param name="LogLikelihoodLevel95">ln L contour enclosing 95 % of the grid posterior mass.</param>
/// <param name="FitLog10MassMin">Lower log₁₀ M edge of the fitted bins (the completeness limit).</param>
/// <param name="FitClusterCount">Clusters in the fitted bins.</param>
public sealed record CosmologyConstraint(
    ParameterSummary OmegaM,
    ParameterSummary Sigma8,
    ParameterSummary S8,
    double BestOmegaM,
    double BestSigma8,
    double MaxLogLikelihood,
    IReadOnlyList<double> OmegaMAxis,
    IReadOnlyList<double> Sigma8Axis,
    IReadOnlyList<double> LogLikelihood,
    double LogLikelihoodLevel68,
    double LogLikelihoodLevel95,
    double FitLog10MassMin,
    int FitClusterCount)
{
    /// <summary>
    /// ln L at (Ω_m, σ₈), interpolated bilinearly on the grid; −∞ outside it (outside the prior's support, or outside a
    /// refined grid, which holds everything above max − 12).
    /// </summary>
    public double LogLikelihoodAt(double omegaM, double sigma8)
    {
        if (!(omegaM >= OmegaMAxis[0] && omegaM <= OmegaMAxis[^1] && sigma8 >= Sigma8Axis[0] && sigma8 <= Sigma8Axis[^1])) return double.NegativeInfinity;
        (int i, double u) = Cell(OmegaMAxis, omegaM, nameof(omegaM));
        (int j, double v) = Cell(Sigma8Axis, sigma8, nameof(sigma8));
        int n = Sigma8Axis.Count;
        return ((1 - u) * (((1 - v) * LogLikelihood[(i * n) + j]) + (v * LogLikelihood[(i * n) + j + 1])))
             + (u * (((1 - v) * LogLikelihood[((i + 1) * n) + j]) + (v * LogLikelihood[((i + 1) * n) + j + 1])));
    }

    /// <summary>Whether (Ω_m, σ₈) lies inside the highest-density region holding 95 % of the grid posterior.</summary>
    public bool IsInside95(double omegaM, double sigma8) => LogLikelihoodAt(omegaM, sigma8) >= LogLikelihoodLevel95;

    private static (int Index, double Fraction) Cell(IReadOnlyList<double> axis, double x, string name)
    {
        if (!(x >= axis[0] && x <= axis[^1])) throw new ArgumentOutOfRangeException(name, x, $"Outside the grid [{axis[0]}, {axis[^1]}].");
        int i = Math.Min(Bins.Find(axis, x), axis.Count - 2);
        return (i, (x - axis[i]) / (axis[i + 1] - axis[i]));
    }
}
