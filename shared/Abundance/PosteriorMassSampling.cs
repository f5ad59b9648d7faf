using MathNet.Numerics;

namespace StreamProcessor.Abundance;

/// <summary>
/// Propagates the posterior mass uncertainty into binned counts by sampling: every draw takes each cluster's
/// log₁₀ M from N(mean, σ), re-bins, and the spread of a bin's count over the draws is its mass-uncertainty error.
/// Only the bin a draw lands in matters, so the bin is drawn directly by inversion: with u ~ U(0, 1), the draw
/// lies below edge e_k exactly when u &lt; Φ((e_k − mean)/σ) — the same distribution of bins as drawing log₁₀ M
/// and binning it, at the cost of one uniform number per draw (edges beyond 8σ are treated as certain).
/// Each cluster's stream is seeded by (seed, cluster key), so the result does not depend on the order of the
/// clusters or on how the work is split across threads. In the limit of many draws the variance of a bin is
/// Σ_c p_c (1 − p_c), p_c being the probability that cluster c falls in it (a sum of independent Bernoulli
/// variables); the tests check the sampler against that.
/// </summary>
public static class PosteriorMassSampling
{
    // Below this many clusters one thread is faster than the fork/join overhead.
    private const int ParallelThreshold = 20_000;

    // Φ(−8) ≈ 6e-16: an edge farther than this from the mean is crossed with negligible probability.
    private const double CertainSigmas = 8.0;

    /// <summary>Counts of <paramref name="clusters"/> re-drawn <paramref name="draws"/> times, binned like the survey.</summary>
    public static SampledCounts Sample(
        IReadOnlyList<ClusterMass> clusters, IReadOnlyList<double> log10MassEdges, IReadOnlyList<double> redshiftEdges, int draws, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(log10MassEdges);
        ArgumentNullException.ThrowIfNull(redshiftEdges);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 2);
        double[] massEdges = [.. log10MassEdges];
        double[] zEdges = [.. redshiftEdges];
        int massBins = massEdges.Length - 1;
        int zBins = zEdges.Length - 1;
        int bins = massBins * zBins;

        // counts[draw * bins + massBin * zBins + zBin] for clusters that can change bin; fixed[bin] for those that cannot.
        int workers = clusters.Count >= ParallelThreshold ? Math.Max(1, Environment.ProcessorCount) : 1;
        var partial = new int[workers][];
        var partialFixed = new int[workers][];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var counts = new int[draws * bins];
            var fixedCounts = new int[bins];
            var thresholds = new double[massEdges.Length];
            int start = (int)((long)clusters.Count * w / workers);
            int end = (int)((long)clusters.Count * (w + 1) / workers);
            for (int c = start; c < end; c++)
            {
                ClusterMass cluster = clusters[c];
                int zBin = Bins.Find(zEdges, cluster.Redshift);
                if (zBin < 0) continue;
                double mean = cluster.Log10MassMean;
                double sigma = cluster.Log10MassSigmaDex;

                // Edges that the draw may fall on either side of: first..last (inclusive).
                int first = 0;
                while (first < massEdges.Length && massEdges[first] <= mean - (CertainSigmas * sigma)) first++;
                int last = massEdges.Length - 1;
                while (last >= 0 && massEdges[last] >= mean + (CertainSigmas * sigma)) last--;
                if (first > last)
                {
                    // No edge within reach: the cluster stays in one bin (or outside) in every draw.
                    if (first >= 1 && first <= massBins) fixedCounts[((first - 1) * zBins) + zBin]++;
                    continue;
                }

                for (int k = first; k <= last; k++)
                {
                    thresholds[k] = 0.5 * SpecialFunctions.Erfc(-(massEdges[k] - mean) / (Math.Sqrt(2.0) * sigma));
                }

                var stream = new SplitMix64(SplitMix64.Mix(seed ^ SplitMix64.Mix(cluster.SamplingKey)));
                for (int d = 0; d < draws; d++)
                {
                    double u = stream.NextDouble();

                    // The number of edges below the draw: all edges before `first`, then those whose Φ is ≤ u.
                    int k = first;
                    while (k <= last && u >= thresholds[k]) k++;
                    int massBin = k - 1;
                    if (massBin >= 0 && massBin < massBins) counts[(d * bins) + (massBin * zBins) + zBin]++;
                }
            }

            partial[w] = counts;
            partialFixed[w] = fixedCounts;
        });

        var mean = new double[massBins, zBins];
        var deviation = new double[massBins, zBins];
        for (int i = 0; i < massBins; i++)
        {
            for (int j = 0; j < zBins; j++)
            {
                int b = (i * zBins) + j;
                double constant = 0;
                foreach (int[] fixedCounts in partialFixed) constant += fixedCounts[b];
                double sum = 0;
                double sumSquares = 0;
                for (int d = 0; d < draws; d++)
                {
                    double n = 0;
                    foreach (int[] counts in partial) n += counts[(d * bins) + b];
                    sum += n;
                    sumSquares += n * n;
                }

                double m = sum / draws;
                mean[i, j] = constant + m;
                deviation[i, j] = Math.Sqrt(Math.Max(0.0, (sumSquares - (draws * m * m)) / (draws - 1)));
            }
        }

        return new SampledCounts(mean, deviation, draws);
    }
}
