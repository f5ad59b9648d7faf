using MathNet.Numerics.Distributions;

namespace StreamProcessor.Evaluation;

/// <summary>
/// Simulation-based calibration (Talts et al. 2018, arXiv:1804.06788, Algorithm 2 with the simulations given): for
/// each held-out simulation (θ_i, x_i), the rank of θ_i among L draws from the estimated posterior q(θ | x_i). If q is
/// the true posterior, the rank is uniform on 0..L whatever the prior; a ∪ shape means too narrow, ∩ too wide, a slope
/// a bias. Also the expected-coverage curve: how often θ_i falls in the central credible interval at each level.
/// </summary>
public static class SimulationBasedCalibration
{
    /// <summary>Credible levels of the coverage curves: 0.05 to 0.95 in steps of 0.05, with 0.68 and 0.99.</summary>
    public static IReadOnlyList<double> StandardLevels { get; } =
        [.. Enumerable.Range(1, 19).Select(i => Math.Round(i * 0.05, 2)).Append(0.68).Append(0.99).Order()];

    /// <summary>
    /// Histogram of the ranks of <paramref name="truths"/> among <paramref name="draws"/> posterior draws each, in
    /// <paramref name="bins"/> equal bins ((draws + 1) must be a multiple of bins). <paramref name="draw"/>(i, random)
    /// returns one draw from the posterior of simulation i. Deterministic for a seed.
    /// </summary>
    public static int[] RankHistogram(IReadOnlyList<double> truths, Func<int, Random, double> draw, int draws, int bins, int seed)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(draw);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        if ((draws + 1) % bins != 0)
        {
            throw new ArgumentException($"{draws + 1} possible ranks do not split into {bins} equal bins.", nameof(bins));
        }

        var random = new Random(seed);
        var counts = new int[bins];
        int ranksPerBin = (draws + 1) / bins;
        for (int i = 0; i < truths.Count; i++)
        {
            int rank = 0;
            for (int l = 0; l < draws; l++)
            {
                if (draw(i, random) < truths[i]) rank++;
            }

            counts[rank / ranksPerBin]++;
        }

        return counts;
    }

    /// <summary>Pearson χ² of <paramref name="counts"/> against equal expected counts, and its p-value (bins − 1 degrees of freedom).</summary>
    public static (double ChiSquare, double PValue) Uniformity(IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count < 2 || counts.Sum() == 0)
        {
            throw new ArgumentException("Need at least 2 bins and one count.", nameof(counts));
        }

        double expected = counts.Sum() / (double)counts.Count;
        double chiSquare = counts.Sum(c => (c - expected) * (c - expected) / expected);
        return (chiSquare, 1 - ChiSquared.CDF(counts.Count - 1, chiSquare));
    }

    /// <summary>
    /// Fraction of <paramref name="truths"/> inside the central credible interval at each of <paramref name="levels"/>;
    /// <paramref name="interval"/>(i, level) gives simulation i's interval.
    /// </summary>
    public static double[] CentralCoverage(IReadOnlyList<double> truths, Func<int, double, (double Low, double High)> interval, IReadOnlyList<double> levels)
    {
        ArgumentNullException.ThrowIfNull(truths);
        ArgumentNullException.ThrowIfNull(interval);
        ArgumentNullException.ThrowIfNull(levels);
        if (truths.Count == 0) throw new ArgumentException("Need at least one simulation.", nameof(truths));
        var coverage = new double[levels.Count];
        for (int l = 0; l < levels.Count; l++)
        {
            int inside = 0;
            for (int i = 0; i < truths.Count; i++)
            {
                var (low, high) = interval(i, levels[l]);
                if (truths[i] >= low && truths[i] <= high) inside++;
            }

            coverage[l] = inside / (double)truths.Count;
        }

        return coverage;
    }
}
