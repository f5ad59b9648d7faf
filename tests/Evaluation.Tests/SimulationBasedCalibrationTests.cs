using MathNet.Numerics.Distributions;

namespace StreamProcessor.Evaluation.Tests;

/// <summary>
/// SBC on a conjugate model where the exact posterior is known: θ ~ N(0, 1), x = θ + N(0, 0.5²), so
/// θ | x ~ N(0.8 x, 0.2). The exact posterior must pass; an over-confident one must fail.
/// </summary>
public sealed class SimulationBasedCalibrationTests
{
    private const double PosteriorVariance = 0.2;

    private static (double[] Theta, double[] X) Simulate(int count, int seed)
    {
        var random = new Random(seed);
        double[] theta = [.. Enumerable.Range(0, count).Select(_ => Normal.Sample(random, 0, 1))];
        double[] x = [.. theta.Select(t => t + Normal.Sample(random, 0, 0.5))];
        return (theta, x);
    }

    [Fact]
    public void The_exact_posterior_gives_uniform_ranks_and_nominal_coverage()
    {
        var (theta, x) = Simulate(4000, seed: 3);
        double sigma = Math.Sqrt(PosteriorVariance);
        int[] counts = SimulationBasedCalibration.RankHistogram(theta, (i, r) => Normal.Sample(r, 0.8 * x[i], sigma), draws: 99, bins: 20, seed: 5);
        Assert.Equal(4000, counts.Sum());
        var (_, p) = SimulationBasedCalibration.Uniformity(counts);
        Assert.True(p > 1e-3, $"p = {p}");

        var levels = SimulationBasedCalibration.StandardLevels;
        double[] coverage = SimulationBasedCalibration.CentralCoverage(theta, (i, level) =>
        {
            double half = Normal.InvCDF(0, 1, 0.5 + (level / 2)) * sigma;
            return (0.8 * x[i] - half, 0.8 * x[i] + half);
        }, levels);
        for (int l = 0; l < levels.Count; l++)
        {
            Assert.InRange(coverage[l], levels[l] - 0.035, levels[l] + 0.035);
        }
    }

    [Fact]
    public void An_over_confident_posterior_fails_the_rank_test_and_under_covers()
    {
        var (theta, x) = Simulate(4000, seed: 3);
        double sigma = 0.5 * Math.Sqrt(PosteriorVariance);
        int[] counts = SimulationBasedCalibration.RankHistogram(theta, (i, r) => Normal.Sample(r, 0.8 * x[i], sigma), draws: 99, bins: 20, seed: 5);
        var (_, p) = SimulationBasedCalibration.Uniformity(counts);
        Assert.True(p < 1e-6, $"p = {p}");
        // Too narrow: the truth lands in the extreme ranks (a U shape).
        Assert.True(counts[0] + counts[^1] > 4 * (counts[9] + counts[10]));

        double[] coverage = SimulationBasedCalibration.CentralCoverage(theta, (i, _) => (0.8 * x[i] - sigma, 0.8 * x[i] + sigma), [0.6827]);
        // ±σ/2 of the true width covers 2Φ(0.5) − 1 = 0.383.
        Assert.InRange(coverage[0], 0.35, 0.42);
    }

    [Fact]
    public void Levels_include_the_one_and_two_sigma_conventions_and_bins_must_divide_the_ranks()
    {
        Assert.Contains(0.68, SimulationBasedCalibration.StandardLevels);
        Assert.Contains(0.95, SimulationBasedCalibration.StandardLevels);
        Assert.Equal(SimulationBasedCalibration.StandardLevels.Order(), SimulationBasedCalibration.StandardLevels);
        Assert.Throws<ArgumentException>(() => SimulationBasedCalibration.RankHistogram([0.0], (_, _) => 0, draws: 99, bins: 7, seed: 1));
        var (chi, p) = SimulationBasedCalibration.Uniformity([10, 10, 10, 10]);
        Assert.Equal(0, chi);
        Assert.Equal(1, p, 12);
    }
}
