using StreamProcessor.Abundance;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology.Inference;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>
/// The 95 % highest-posterior-density region of a <see cref="CosmologyPosterior"/> as it arrives on the massfunction
/// topic: flat prior, trapezoid cell weights (as the Abundance fit uses), ln L interpolated bilinearly at a point.
/// </summary>
public static class CosmologyRegion
{
    /// <summary>ln L at (Ω_m, σ8) and the 95 % level, both relative to the grid maximum, and whether the point is inside.</summary>
    public static (double PointMinusMax, double Level95MinusMax, bool Inside) Evaluate(CosmologyPosterior posterior, double omegaM, double sigma8)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        double[] logLikelihood = [.. posterior.LogLikelihood.Select(l => l ?? double.NegativeInfinity)];
        double[] omegaMWeights = TrapezoidWeights(posterior.GridOmegaM);
        double[] sigma8Weights = TrapezoidWeights(posterior.GridSigma8);
        var weights = new double[logLikelihood.Length];
        for (int i = 0; i < omegaMWeights.Length; i++)
        {
            for (int j = 0; j < sigma8Weights.Length; j++) weights[(i * sigma8Weights.Length) + j] = omegaMWeights[i] * sigma8Weights[j];
        }

        double max = logLikelihood.Max();
        double level95 = CredibleRegion.LogLikelihoodLevel(logLikelihood, weights, 0.95);
        double level68 = CredibleRegion.LogLikelihoodLevel(logLikelihood, weights, 0.68);
        var constraint = new CosmologyConstraint(
            new ParameterSummary(posterior.OmegaMMean, posterior.OmegaMSigma),
            new ParameterSummary(posterior.Sigma8Mean, posterior.Sigma8Sigma),
            new ParameterSummary(posterior.S8Mean, posterior.S8Sigma),
            double.NaN, double.NaN, max, posterior.GridOmegaM, posterior.GridSigma8, logLikelihood, level68, level95, double.NaN, 0);
        double atPoint = constraint.LogLikelihoodAt(omegaM, sigma8);
        return (atPoint - max, level95 - max, atPoint >= level95);
    }

    private static double[] TrapezoidWeights(IReadOnlyList<double> axis)
    {
        var weights = new double[axis.Count];
        for (int i = 0; i + 1 < axis.Count; i++)
        {
            double half = 0.5 * (axis[i + 1] - axis[i]);
            weights[i] += half;
            weights[i + 1] += half;
        }

        return weights;
    }
}
