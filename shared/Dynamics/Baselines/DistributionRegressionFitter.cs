using MathNet.Numerics.LinearAlgebra;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// Fits <see cref="DistributionRegression"/>: for every bandwidth of the grid, ridge regressions (one per λ) on the
/// fitting clusters are scored by the RMS of log10(M_pred/M_true) on the held-out clusters; the best (bandwidth, λ) is
/// then refitted on both parts. The caller chooses the two parts (split them by halo: lines of sight of one halo are
/// correlated) and keeps test clusters out of both. Clusters the embedding refuses (fewer than three members, or a
/// non-finite value) are left out. Deterministic: the features come from the seed, and each cluster's embedding depends
/// only on that cluster, whatever the thread count.
/// </summary>
public static class DistributionRegressionFitter
{
    public static DistributionRegression Fit(IReadOnlyList<MemberSample> fitting, IReadOnlyList<MemberSample> heldOut, DistributionRegressionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fitting);
        ArgumentNullException.ThrowIfNull(heldOut);
        options ??= new DistributionRegressionOptions();
        if (options.Bandwidths.Count == 0 || options.RidgeLambdas.Count == 0) throw new ArgumentException("The bandwidth and λ grids must not be empty.", nameof(options));
        RandomFourierFeatures features = RandomFourierFeatures.Draw(options.Seed, options.FeatureCount);

        double bestRms = double.PositiveInfinity;
        DistributionEmbedding? bestEmbedding = null;
        double bestLambda = double.NaN;
        int validationCount = 0;
        foreach (double bandwidth in options.Bandwidths)
        {
            var embedding = new DistributionEmbedding(features, bandwidth, options.RadiusScaleMpcOverH, options.VelocityScaleKmPerS);
            (Matrix<double> x, Vector<double> y) = Design(embedding, fitting, options.Threads);
            (Matrix<double> xHeld, Vector<double> yHeld) = Design(embedding, heldOut, options.Threads);
            if (xHeld.RowCount == 0) throw new ArgumentException("No held-out cluster has enough members to score the bandwidth and λ.", nameof(heldOut));
            validationCount = xHeld.RowCount;
            var equations = RidgeNormalEquations.From(x, y);
            foreach (double lambda in options.RidgeLambdas)
            {
                (double[] weights, double intercept) = equations.Solve(lambda);
                double rms = Rms(xHeld * Vector<double>.Build.DenseOfArray(weights) + intercept - yHeld);
                if (rms < bestRms)
                {
                    (bestRms, bestEmbedding, bestLambda) = (rms, embedding, lambda);
                }
            }
        }
        if (bestEmbedding is null) throw new InvalidOperationException("Every (bandwidth, λ) gave a non-finite held-out error.");

        (Matrix<double> all, Vector<double> target) = Design(bestEmbedding, [.. fitting, .. heldOut], options.Threads);
        (double[] finalWeights, double finalIntercept) = RidgeNormalEquations.From(all, target).Solve(bestLambda);
        return new DistributionRegression(options.Seed, bestEmbedding, bestLambda, finalWeights, finalIntercept, all.RowCount, validationCount, bestRms);
    }

    /// <summary>The regressor matrix (one row per usable cluster) and the targets; refused clusters are skipped.</summary>
    private static (Matrix<double> Design, Vector<double> Target) Design(DistributionEmbedding embedding, IReadOnlyList<MemberSample> samples, int threads)
    {
        int p = embedding.Length;
        var rows = new double[samples.Count][];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            MemberSample s = samples[i];
            if (!double.IsFinite(s.Log10M200c)) throw new ArgumentException($"Fitting sample {i} has no finite true mass.", nameof(samples));
            var row = new double[p];
            if (embedding.TryWrite(s.RProjMpcOverH, s.VLosKmPerS, s.Redshift, row)) rows[i] = row;
        });
        int[] usable = [.. Enumerable.Range(0, samples.Count).Where(i => rows[i] is not null)];
        Matrix<double> design = Matrix<double>.Build.Dense(usable.Length, p, (i, j) => rows[usable[i]][j]);
        Vector<double> target = Vector<double>.Build.Dense(usable.Length, i => samples[usable[i]].Log10M200c);
        return (design, target);
    }

    private static double Rms(Vector<double> residuals) => residuals.Count == 0 ? double.NaN : Math.Sqrt(residuals.DotProduct(residuals) / residuals.Count);
}
