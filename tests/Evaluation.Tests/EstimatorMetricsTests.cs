using StreamProcessor.Evaluation;

namespace StreamProcessor.Evaluation.Tests;

public sealed class EstimatorMetricsTests
{
    [Fact]
    public void Only_clusters_inside_the_true_mass_range_count_and_refusals_are_reported()
    {
        double[] truth = [13.8, 14.2, 14.6, 14.9, 15.2];
        double[] predicted = [13.0, 14.3, 14.5, double.NaN, 16.0];

        var metrics = EstimatorMetrics.Compute("test", "pure", truth, predicted, [], 14, 15);

        // In range: 14.2 (+0.1), 14.6 (-0.1), 14.9 (refused). Mean 0, sample std sqrt(0.02).
        Assert.Equal(2, metrics.Count);
        Assert.Equal(1, metrics.Refused);
        Assert.Equal(0.0, metrics.BiasDex, 12);
        Assert.Equal(Math.Sqrt(0.02), metrics.ScatterDex, 12);
        Assert.Null(metrics.Coverage68);
    }

    [Fact]
    public void Estimators_with_sigma_also_get_coverage_and_reduced_chi_squared()
    {
        double[] truth = [14.0, 14.5];
        double[] predicted = [14.05, 14.8];
        double[] sigma = [0.1, 0.1];

        var metrics = EstimatorMetrics.Compute("cnn", "contaminated", truth, predicted, sigma, 13, 16);

        Assert.Equal(0.5, metrics.Coverage68);
        Assert.Equal(0.5, metrics.Coverage95);
        Assert.Equal(((0.5 * 0.5) + (3.0 * 3.0)) / 2, metrics.ReducedChiSquared!.Value, 9);
        Assert.Equal(0.1, metrics.MeanSigmaDex!.Value, 12);
    }
}
