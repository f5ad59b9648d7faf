namespace StreamProcessor.Evaluation;

/// <summary>
/// Fit of the total residual scatter against richness, σ²(N) = σ_N² (N/100)⁻¹ + σ₀² (reference sheet §4): a
/// Poisson-like term that shrinks with the number of members and a floor that does not (projection, triaxiality,
/// interlopers). Residuals are sorted by richness into bins of equal count; in each bin the sample variance of the
/// residuals is regressed on the bin mean of 100/N, which is exactly the expected variance when each residual has
/// variance σ_N² 100/N_i + σ₀². Weighted least squares, iterated once: first weights n_b − 1, then
/// (n_b − 1) / (2 σ²_model,b²), the inverse variance of a Gaussian sample variance. Both coefficients are kept
/// non-negative: when the free fit makes one negative, it is fixed at zero and the other refitted.
/// </summary>
public sealed record RichnessScatterFit(double SigmaNSquaredDex2, double Sigma0SquaredDex2, IReadOnlyList<RichnessBin> Bins)
{
    /// <summary>σ_N in dex: the scatter a cluster with N = 100 members would have without the floor.</summary>
    public double SigmaNDex => Math.Sqrt(SigmaNSquaredDex2);

    /// <summary>σ₀ in dex: the floor reached at infinite richness.</summary>
    public double Sigma0Dex => Math.Sqrt(Sigma0SquaredDex2);

    /// <summary>The fitted total scatter σ(N) in dex.</summary>
    public double ScatterDex(double richness)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(richness);
        return Math.Sqrt((SigmaNSquaredDex2 * 100 / richness) + Sigma0SquaredDex2);
    }

    /// <summary>Bins the residuals into <paramref name="binCount"/> equal-count richness bins and fits; needs ≥ 3 residuals per bin and ≥ 2 bins.</summary>
    public static RichnessScatterFit Fit(ReadOnlySpan<double> residualsDex, ReadOnlySpan<double> richness, int binCount = 8)
    {
        Metrics.RequireSameLength(residualsDex.Length, richness.Length);
        if (binCount < 2) throw new ArgumentOutOfRangeException(nameof(binCount), binCount, "Need at least two bins.");
        int n = residualsDex.Length;
        if (n < 3 * binCount) throw new ArgumentException($"{n} residuals are too few for {binCount} bins of at least 3.", nameof(residualsDex));
        foreach (double r in richness)
        {
            if (!(r > 0 && double.IsFinite(r))) throw new ArgumentOutOfRangeException(nameof(richness), r, "Richness must be positive and finite.");
        }

        int[] order = Enumerable.Range(0, n).ToArray();
        double[] richnessCopy = richness.ToArray();
        Array.Sort(richnessCopy.ToArray(), order);
        var bins = new RichnessBin[binCount];
        for (int b = 0; b < binCount; b++)
        {
            int start = (int)((long)b * n / binCount);
            int end = (int)((long)(b + 1) * n / binCount);
            bins[b] = MakeBin(order.AsSpan(start, end - start), residualsDex, richnessCopy);
        }
        return Fit(bins);
    }

    /// <summary>Fits already-binned variances (e.g. bins built elsewhere).</summary>
    public static RichnessScatterFit Fit(IReadOnlyList<RichnessBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (bins.Count < 2) throw new ArgumentException("Need at least two bins.", nameof(bins));
        var x = bins.Select(b => b.MeanInverseRichnessOver100).ToArray();
        var y = bins.Select(b => b.ResidualVarianceDex2).ToArray();
        var weights = bins.Select(b => (double)(b.Count - 1)).ToArray();
        (double slope, double intercept) = NonNegativeLine(x, y, weights);
        for (int i = 0; i < weights.Length; i++)
        {
            double model = (slope * x[i]) + intercept;
            // A zero model variance would give an infinite weight; fall back to the first-pass weight there.
            weights[i] = model > 0 ? (bins[i].Count - 1) / (2 * model * model) : bins[i].Count - 1;
        }
        (slope, intercept) = NonNegativeLine(x, y, weights);
        return new RichnessScatterFit(slope, intercept, bins);
    }

    private static RichnessBin MakeBin(ReadOnlySpan<int> members, ReadOnlySpan<double> residuals, double[] richness)
    {
        double mean = 0;
        double meanRichness = 0;
        double meanInverse = 0;
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (int i in members)
        {
            mean += residuals[i];
            meanRichness += richness[i];
            meanInverse += 100 / richness[i];
            min = Math.Min(min, richness[i]);
            max = Math.Max(max, richness[i]);
        }
        mean /= members.Length;
        double variance = 0;
        foreach (int i in members) variance += (residuals[i] - mean) * (residuals[i] - mean);
        variance /= members.Length - 1;
        return new RichnessBin(members.Length, min, max, meanRichness / members.Length, meanInverse / members.Length, variance);
    }

    /// <summary>Weighted least squares y = a x + c with a, c ≥ 0 (the boundary solutions are tried when the free one is infeasible).</summary>
    private static (double Slope, double Intercept) NonNegativeLine(double[] x, double[] y, double[] w)
    {
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
            sxx += w[i] * x[i] * x[i];
            sxy += w[i] * x[i] * y[i];
        }
        double determinant = (sw * sxx) - (sx * sx);
        if (determinant > 0)
        {
            double a = ((sw * sxy) - (sx * sy)) / determinant;
            double c = (sy - (a * sx)) / sw;
            if (a >= 0 && c >= 0) return (a, c);
        }
        // Boundaries: c = 0 (pure 1/N term) or a = 0 (constant); keep the one with the smaller weighted residual.
        double slopeOnly = sxx > 0 ? Math.Max(0, sxy / sxx) : 0;
        double constantOnly = Math.Max(0, sy / sw);
        return WeightedResidual(x, y, w, slopeOnly, 0) <= WeightedResidual(x, y, w, 0, constantOnly)
            ? (slopeOnly, 0)
            : (0, constantOnly);
    }

    private static double WeightedResidual(double[] x, double[] y, double[] w, double a, double c)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = y[i] - (a * x[i]) - c;
            sum += w[i] * d * d;
        }
        return sum;
    }
}
