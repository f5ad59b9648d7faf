namespace StreamProcessor.Dynamics.Baselines;

/// <summary>Line-of-sight velocity dispersion estimators, km/s in and out (reference sheet §3).</summary>
public static class VelocityDispersion
{
    /// <summary>The dispersion of <paramref name="velocitiesKmPerS"/> with the chosen estimator; needs at least 2 values.</summary>
    public static double Estimate(ReadOnlySpan<double> velocitiesKmPerS, DispersionEstimator estimator = DispersionEstimator.SampleStandardDeviation) =>
        estimator switch
        {
            DispersionEstimator.SampleStandardDeviation => SampleStandardDeviationKmPerS(velocitiesKmPerS),
            DispersionEstimator.Biweight => BiweightScaleKmPerS(velocitiesKmPerS),
            DispersionEstimator.Gapper => GapperKmPerS(velocitiesKmPerS),
            _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown dispersion estimator."),
        };

    /// <summary>sqrt(Σ (v − v̄)² / (N − 1)) (two-pass, so large offsets do not cancel).</summary>
    public static double SampleStandardDeviationKmPerS(ReadOnlySpan<double> velocitiesKmPerS)
    {
        RequireAtLeastTwo(velocitiesKmPerS);
        double mean = 0;
        foreach (double v in velocitiesKmPerS) mean += v;
        mean /= velocitiesKmPerS.Length;
        double sum = 0;
        foreach (double v in velocitiesKmPerS) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / (velocitiesKmPerS.Length - 1));
    }

    /// <summary>
    /// Gapper: σ_G = sqrt(π)/(N(N−1)) Σ_{i=1}^{N−1} i (N−i) g_i with g_i the gaps of the sorted velocities
    /// (Beers, Flynn &amp; Gebhardt 1990, AJ 100, 32, Eq. 10); unbiased for Gaussian data.
    /// </summary>
    public static double GapperKmPerS(ReadOnlySpan<double> velocitiesKmPerS)
    {
        RequireAtLeastTwo(velocitiesKmPerS);
        double[] sorted = velocitiesKmPerS.ToArray();
        Array.Sort(sorted);
        int n = sorted.Length;
        double sum = 0;
        for (int i = 1; i < n; i++)
        {
            sum += (double)i * (n - i) * (sorted[i] - sorted[i - 1]);
        }
        return Math.Sqrt(Math.PI) / (n * (double)(n - 1)) * sum;
    }

    /// <summary>
    /// Biweight scale about the median with tuning constant c = 9 and the MAD as scale
    /// (Beers, Flynn &amp; Gebhardt 1990, AJ 100, 32, Eq. 9): sqrt(N) sqrt(Σ(v−M)²(1−u²)⁴) / |Σ(1−u²)(1−5u²)| over |u| &lt; 1,
    /// u = (v − M)/(c MAD). Returns 0 when more than half the values coincide (MAD = 0).
    /// </summary>
    public static double BiweightScaleKmPerS(ReadOnlySpan<double> velocitiesKmPerS)
    {
        RequireAtLeastTwo(velocitiesKmPerS);
        const double tuning = 9.0;
        double median = Median(velocitiesKmPerS.ToArray());
        var deviations = new double[velocitiesKmPerS.Length];
        for (int i = 0; i < deviations.Length; i++) deviations[i] = Math.Abs(velocitiesKmPerS[i] - median);
        double mad = Median(deviations);
        if (mad == 0) return 0;

        double numerator = 0;
        double denominator = 0;
        foreach (double v in velocitiesKmPerS)
        {
            double u = (v - median) / (tuning * mad);
            if (Math.Abs(u) >= 1) continue;
            double oneMinusU2 = 1 - (u * u);
            numerator += (v - median) * (v - median) * Math.Pow(oneMinusU2, 4);
            denominator += oneMinusU2 * (1 - (5 * u * u));
        }
        return Math.Sqrt(velocitiesKmPerS.Length) * Math.Sqrt(numerator) / Math.Abs(denominator);
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        int n = values.Length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[(n / 2) - 1] + values[n / 2]);
    }

    private static void RequireAtLeastTwo(ReadOnlySpan<double> values)
    {
        if (values.Length < 2) throw new ArgumentException("A dispersion needs at least two velocities.", nameof(values));
    }
}
