using MathNet.Numerics.LinearAlgebra;

namespace StreamProcessor.Emulation.Gp;

/// <summary>
/// Principal components of log profiles (rows = halos, columns = radii): the emulator models a handful of
/// coefficients per profile kind instead of 30 correlated radial bins, which keeps the number of Gaussian processes
/// small and makes every emulated profile smooth in radius.
/// </summary>
/// <param name="Mean">Mean log profile, one value per radius.</param>
/// <param name="Components">Orthonormal components, [component][radius], by decreasing variance.</param>
/// <param name="ExplainedVariance">Fraction of the total variance each component explains.</param>
public sealed record PrincipalComponents(double[] Mean, double[][] Components, double[] ExplainedVariance)
{
    /// <summary>
    /// Components explaining at least <paramref name="varianceFraction"/> of the variance (and at most
    /// <paramref name="maxComponents"/>), from the thin SVD of the centred rows.
    /// </summary>
    public static PrincipalComponents Fit(IReadOnlyList<double[]> rows, double varianceFraction, int maxComponents)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count < 2)
        {
            throw new ArgumentException("PCA needs at least 2 rows.", nameof(rows));
        }

        int bins = rows[0].Length;
        double[] mean = [.. Enumerable.Range(0, bins).Select(j => rows.Average(r => r[j]))];
        var centred = Matrix<double>.Build.Dense(rows.Count, bins, (i, j) => rows[i][j] - mean[j]);
        var svd = centred.Svd(computeVectors: true);
        double[] variance = [.. svd.S.Select(s => s * s)];
        double total = variance.Sum();
        int keep = 0;
        double explained = 0;
        while (keep < Math.Min(maxComponents, variance.Length) && explained < varianceFraction * total)
        {
            explained += variance[keep++];
        }

        double[][] components = [.. Enumerable.Range(0, keep).Select(c => svd.VT.Row(c).ToArray())];
        return new PrincipalComponents(mean, components, [.. variance.Take(keep).Select(v => v / total)]);
    }

    /// <summary>Coefficients of one row on every component.</summary>
    public double[] Project(ReadOnlySpan<double> row)
    {
        var coefficients = new double[Components.Length];
        for (int c = 0; c < Components.Length; c++)
        {
            double sum = 0;
            for (int j = 0; j < Mean.Length; j++)
            {
                sum += (row[j] - Mean[j]) * Components[c][j];
            }

            coefficients[c] = sum;
        }

        return coefficients;
    }

    /// <summary>The log profile for <paramref name="coefficients"/>, written to <paramref name="destination"/>.</summary>
    public void Reconstruct(ReadOnlySpan<double> coefficients, Span<double> destination)
    {
        Mean.CopyTo(destination);
        for (int c = 0; c < Components.Length; c++)
        {
            for (int j = 0; j < Mean.Length; j++)
            {
                destination[j] += coefficients[c] * Components[c][j];
            }
        }
    }
}
