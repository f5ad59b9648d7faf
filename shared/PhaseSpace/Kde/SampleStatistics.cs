namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Sample moments with the checks that decide whether a KDE is defined; shared by the fast path and the reference
/// so that both reject exactly the same samples.
/// </summary>
internal static class SampleStatistics
{
    /// <summary>Below this, a standard deviation relative to the coordinate's magnitude counts as zero (rounding noise is ~1e-16).</summary>
    private const double RelativeZeroStdDev = 1e-10;

    /// <summary>Below this, a conditional variance of the correlation matrix counts as zero (collinear data).</summary>
    internal const double MinimumConditionalVariance = 1e-10;

    internal static void RequireSameLength(int expected, int actual, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Length {actual} differs from the first coordinate's length {expected}.", paramName);
        }
    }

    /// <summary>scipy needs a full-rank covariance: at least dimensions + 1 points, and never fewer than 3.</summary>
    internal static void RequireEnoughPoints(int count, int dimensions, string paramName)
    {
        int minimum = Math.Max(3, dimensions + 1);
        if (count < minimum)
        {
            throw new DegenerateSampleException(SampleDegeneracy.TooFewPoints, paramName,
                $"A {dimensions}D Gaussian KDE needs at least {minimum} points; got {count}.");
        }
    }

    /// <summary>Mean and standard deviation (ddof = 1, two-pass for accuracy) of one coordinate.</summary>
    internal static (double Mean, double StdDev) MeanAndStdDev(ReadOnlySpan<double> values, string paramName)
    {
        double sum = 0;
        double maxAbs = 0;
        foreach (double x in values)
        {
            if (!double.IsFinite(x))
            {
                throw new DegenerateSampleException(SampleDegeneracy.NonFiniteValue, paramName, $"{paramName} holds a NaN or infinite value.");
            }

            sum += x;
            maxAbs = Math.Max(maxAbs, Math.Abs(x));
        }

        double mean = sum / values.Length;
        double squares = 0;
        foreach (double x in values)
        {
            double d = x - mean;
            squares += d * d;
        }

        double stdDev = Math.Sqrt(squares / (values.Length - 1));
        if (!(stdDev > RelativeZeroStdDev * maxAbs) || stdDev == 0)
        {
            throw new DegenerateSampleException(SampleDegeneracy.ZeroVariance, paramName,
                $"{paramName} has zero variance (standard deviation {stdDev:G3} for values up to {maxAbs:G3}).");
        }

        return (mean, stdDev);
    }

    /// <summary>Sample covariance with ddof = 1 (numpy <c>np.cov</c> default), given the means.</summary>
    internal static double Covariance(ReadOnlySpan<double> x, double meanX, ReadOnlySpan<double> y, double meanY)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += (x[i] - meanX) * (y[i] - meanY);
        }

        return sum / (x.Length - 1);
    }

    /// <summary>Throws when a conditional variance (Cholesky pivot) of a correlation matrix is numerically zero.</summary>
    internal static void RequireNonSingular(double conditionalVariance, string paramName)
    {
        if (!(conditionalVariance > MinimumConditionalVariance))
        {
            throw new DegenerateSampleException(SampleDegeneracy.SingularCovariance, paramName,
                $"The data covariance is singular (conditional variance {conditionalVariance:G3} of the correlation matrix); the points are collinear.");
        }
    }

    /// <summary>Pearson correlation clamped to [-1, 1] against rounding.</summary>
    internal static double Correlation(double covariance, double stdDevX, double stdDevY) =>
        Math.Clamp(covariance / (stdDevX * stdDevY), -1.0, 1.0);

    /// <summary>Throws when the image is identically zero (points far outside the grid) or not finite.</summary>
    internal static double RequirePositiveTotal(ReadOnlySpan<double> image, string paramName)
    {
        double total = 0;
        foreach (double x in image)
        {
            total += x;
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new DegenerateSampleException(SampleDegeneracy.NoDensityOnGrid, paramName,
                "The KDE is zero on every grid point (the points lie far outside the grid); the image cannot be normalised.");
        }

        return total;
    }
}
