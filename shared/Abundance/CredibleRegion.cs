namespace StreamProcessor.Abundance;

/// <summary>Highest-density credible regions of a posterior tabulated on a grid.</summary>
public static class CredibleRegion
{
    /// <summary>
    /// The ln L level whose superlevel set holds <paramref name="probability"/> of the posterior mass, with each grid
    /// point weighted by <paramref name="cellWeights"/> (its prior × cell area; equal weights for a uniform grid
    /// and a flat prior): points are taken in order of decreasing ln L until their mass reaches the probability.
    /// </summary>
    public static double LogLikelihoodLevel(IReadOnlyList<double> logLikelihood, IReadOnlyList<double> cellWeights, double probability)
    {
        ArgumentNullException.ThrowIfNull(logLikelihood);
        ArgumentNullException.ThrowIfNull(cellWeights);
        if (logLikelihood.Count == 0 || logLikelihood.Count != cellWeights.Count)
            throw new ArgumentException("Need one weight per grid point, and at least one point.", nameof(cellWeights));
        if (!(probability > 0 && probability < 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "Must lie in (0, 1).");

        double max = logLikelihood.Max();
        int[] order = [.. Enumerable.Range(0, logLikelihood.Count).OrderByDescending(k => logLikelihood[k])];
        double total = 0;
        var mass = new double[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            mass[k] = cellWeights[order[k]] * Math.Exp(logLikelihood[order[k]] - max);
            total += mass[k];
        }

        double cumulative = 0;
        for (int k = 0; k < order.Length; k++)
        {
            cumulative += mass[k];
            if (cumulative >= probability * total) return logLikelihood[order[k]];
        }

        return logLikelihood[order[^1]];
    }
}
