using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using StreamProcessor.Abundance.Selection;

namespace StreamProcessor.Abundance.Tests;

public sealed class EmpiricalMassObservableTests
{
    private static double[] GaussianResiduals(double mean, double sigma, int n, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return [.. Enumerable.Range(0, n).Select(_ => Normal.Sample(random, mean, sigma))];
    }

    private static double GaussianBin(double mean, double sigma, double lo, double hi) =>
        0.5 * (SpecialFunctions.Erf((hi - mean) / (Math.Sqrt(2) * sigma)) - SpecialFunctions.Erf((lo - mean) / (Math.Sqrt(2) * sigma)));

    [Fact]
    public void Gaussian_residuals_give_the_gaussian_bin_probability_widened_by_the_kernel()
    {
        // 20,000 residuals per node from N(0.05, 0.12): the smoothed distribution is N(0.05, sqrt(0.12² + h²)) up to sampling noise (~0.003).
        const double h = 0.02;
        double[][] residuals = [.. Enumerable.Range(0, 4).Select(k => GaussianResiduals(0.05, 0.12, 20_000, k + 1))];
        MassObservableModel relation = new EmpiricalMassObservable([14.0, 15.0], [0.05, 0.10], residuals, h).Validated();
        double width = Math.Sqrt((0.12 * 0.12) + (h * h));

        foreach ((double lo, double hi) in new[] { (14.3, 14.4), (14.4, 14.6), (14.0, 14.3), (14.6, 15.5) })
        {
            Assert.Equal(GaussianBin(14.45, width, lo, hi), relation.BinProbability(14.4, 0.07, lo, hi), 0.005);
        }

        Assert.Equal(1.0, relation.BinProbability(14.4, 0.07, 10, 18), 1e-9);
    }

    [Fact]
    public void Nodes_without_selected_clusters_carry_no_weight()
    {
        // Only the high-mass nodes have residuals: between the rows the relation is theirs alone, not diluted toward zero.
        double[] shifted = GaussianResiduals(0.3, 0.05, 5000, 7);
        MassObservableModel relation = new EmpiricalMassObservable([13.0, 14.0], [0.05, 0.10], [[], [], shifted, shifted], 0.01).Validated();

        double p = relation.BinProbability(13.5, 0.07, 13.7, 13.9);

        Assert.Equal(GaussianBin(13.8, Math.Sqrt((0.05 * 0.05) + 0.0001), 13.7, 13.9), p, 0.01);
    }

    [Fact]
    public void Tabulated_completeness_is_zero_below_its_floor()
    {
        CompletenessModel table = new TabulatedCompleteness([13.0, 14.0], [0.0, 0.1], [0.05, 0.05, 1.0, 1.0], Log10MassFloor: 13.0).Validated();

        Assert.Equal(0.0, table.Evaluate(12.99, 0.05));
        Assert.Equal(0.05, table.Evaluate(13.0, 0.05), 1e-12);
    }
}
