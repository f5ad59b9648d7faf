using MathNet.Numerics;

namespace StreamProcessor.Abundance.Tests;

public sealed class PosteriorMassSamplingTests
{
    private static readonly double[] MassEdges = [14.0, 14.1, 14.2, 14.3, 14.4, 14.5, 14.6];
    private static readonly double[] RedshiftEdges = [0.0, 0.5];

    private static ClusterMass[] Clusters(int count, double sigmaDex) =>
        [.. Enumerable.Range(0, count).Select(k => new ClusterMass(0.1, 13.9 + (0.8 * k / count), sigmaDex, ClusterMass.KeyOf($"c{k}")))];

    [Fact]
    public void Sampled_mean_and_spread_match_the_exact_Bernoulli_sums()
    {
        ClusterMass[] clusters = Clusters(60, 0.08);
        const int draws = 4000;
        SampledCounts sampled = PosteriorMassSampling.Sample(clusters, MassEdges, RedshiftEdges, draws, seed: 3);

        for (int i = 0; i < MassEdges.Length - 1; i++)
        {
            // Exact: the count in bin i is a sum of independent Bernoulli(p_c), p_c = Φ((hi − μ)/σ) − Φ((lo − μ)/σ).
            double mean = 0;
            double variance = 0;
            foreach (ClusterMass c in clusters)
            {
                double p = Normal(MassEdges[i + 1], c) - Normal(MassEdges[i], c);
                mean += p;
                variance += p * (1 - p);
            }

            // Tolerances: 5 standard errors of a mean over `draws` and of a standard deviation (≈ σ/√(2 draws)).
            Assert.Equal(mean, sampled.Mean[i, 0], 5 * Math.Sqrt(variance / draws));
            Assert.Equal(Math.Sqrt(variance), sampled.StandardDeviation[i, 0], 5 * Math.Sqrt(variance / (2.0 * draws)));
        }
    }

    [Fact]
    public void Sampling_does_not_depend_on_the_order_of_the_clusters()
    {
        ClusterMass[] clusters = Clusters(30_000, 0.1);
        ClusterMass[] shuffled = [.. clusters];
        new Random(5).Shuffle(shuffled);

        SampledCounts a = PosteriorMassSampling.Sample(clusters, MassEdges, RedshiftEdges, 20, seed: 9);
        SampledCounts b = PosteriorMassSampling.Sample(shuffled, MassEdges, RedshiftEdges, 20, seed: 9);
        SampledCounts c = PosteriorMassSampling.Sample(clusters, MassEdges, RedshiftEdges, 20, seed: 10);

        Assert.Equal(a.StandardDeviation, b.StandardDeviation);
        Assert.Equal(a.Mean, b.Mean);
        Assert.NotEqual(a.StandardDeviation, c.StandardDeviation);
    }

    [Fact]
    public void Clusters_far_from_every_edge_add_a_constant_and_no_spread()
    {
        ClusterMass[] clusters = [new(0.1, 14.15, 0.001, 1), new(0.1, 14.15, 0.001, 2), new(0.1, 13.0, 0.001, 3), new(0.7, 14.15, 0.3, 4)];
        SampledCounts sampled = PosteriorMassSampling.Sample(clusters, MassEdges, RedshiftEdges, 50, seed: 1);
        Assert.Equal(2.0, sampled.Mean[1, 0]);
        Assert.Equal(0.0, sampled.StandardDeviation[1, 0]);
        Assert.Equal(2.0, Enumerable.Range(0, 6).Sum(i => sampled.Mean[i, 0]));
    }

    private static double Normal(double x, ClusterMass c) => 0.5 * SpecialFunctions.Erfc(-(x - c.Log10MassMean) / (Math.Sqrt(2) * c.Log10MassSigmaDex));
}
