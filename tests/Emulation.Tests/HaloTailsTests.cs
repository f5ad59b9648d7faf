using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace StreamProcessor.Emulation.Tests;

public sealed class HaloTailsTests
{
    [Theory]
    [InlineData(2.5, 0.0)]
    [InlineData(3.0, 1.3)]
    [InlineData(6.0, -2.7)]
    [InlineData(30.0, 4.0)]
    public void One_dimensional_density_is_a_unit_variance_student_t(double nu, double z)
    {
        // MathNet's Student-t with scale sqrt((nu - 2) / nu) has variance 1.
        var reference = new StudentT(0, Math.Sqrt((nu - 2) / nu), nu);
        Assert.Equal(reference.DensityLn(z), HaloTails.LogDensity(z * z, 1, nu), 1e-10);
    }

    [Fact]
    public void Densities_match_known_values_and_tend_to_the_gaussian()
    {
        // Unit-variance t_3 at 0: Gamma(2) / (Gamma(3/2) sqrt(pi)) = 2 / pi.
        Assert.Equal(Math.Log(2 / Math.PI), HaloTails.LogDensity(0, 1, 3), 1e-12);
        Assert.Equal(Normal.PDFLn(0, 1, 1.7) * 8, HaloTails.LogDensity(8 * 1.7 * 1.7, 8, null), 1e-12);
        Assert.Equal(HaloTails.LogDensity(9.5, 8, null), HaloTails.LogDensity(9.5, 8, 1e7), 1e-4);
        Assert.Throws<ArgumentOutOfRangeException>(() => HaloTails.LogDensity(1, 1, 2.0));
    }

    [Fact]
    public void Fit_recovers_heavy_tails_and_keeps_gaussian_residuals_gaussian()
    {
        const int dimensions = 8;
        var random = new Random(21);
        double[] heavy = [.. Enumerable.Range(0, 3000).Select(_ => SumOfSquares(random, dimensions, (4.0 - 2) / ChiSquared.Sample(random, 4.0)))];
        double[] gaussian = [.. Enumerable.Range(0, 3000).Select(_ => SumOfSquares(random, dimensions, 1.0))];

        Assert.InRange(HaloTails.Fit(heavy, dimensions)!.Value, 3.5, 5);
        Assert.True(HaloTails.LogLikelihoodGain(heavy, dimensions, 4) > 0.5);
        Assert.True(HaloTails.Fit(gaussian, dimensions) is null or >= 30, $"{HaloTails.Fit(gaussian, dimensions)}");
        Assert.Equal(0, HaloTails.LogLikelihoodGain(gaussian, dimensions, null));
        Assert.Throws<ArgumentException>(() => HaloTails.Fit([], dimensions));
    }

    [Fact]
    public void Mean_weights_average_one_and_concentrate_in_large_stacks()
    {
        var random = new Random(5);
        double[] single = [.. Enumerable.Range(0, 20_000).Select(_ => HaloTails.MeanWeight(random, 6, 1))];
        double[] stacks = [.. Enumerable.Range(0, 500).Select(_ => HaloTails.MeanWeight(random, 6, 1000))];

        // For nu = 6 a single weight has variance 2 / (nu - 4) = 1; the mean of 1000 has standard deviation ~0.03.
        Assert.Equal(1.0, single.Mean(), 0.05);
        Assert.InRange(single.StandardDeviation(), 0.7, 1.4);
        Assert.Equal(1.0, stacks.Mean(), 0.02);
        Assert.InRange(stacks.StandardDeviation(), 0.015, 0.06);
    }

    private static double SumOfSquares(Random random, int dimensions, double weight) =>
        Enumerable.Range(0, dimensions).Sum(_ => weight * Math.Pow(Normal.Sample(random, 0, 1), 2));
}
