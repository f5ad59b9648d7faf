using StreamProcessor.Evaluation;

namespace StreamProcessor.Evaluation.Tests;

public sealed class ResidualStatisticsTests
{
    [Fact]
    public void Bias_scatter_and_rms_match_a_hand_computed_case()
    {
        // Residuals 0.1, -0.1, 0.3, 0.1: mean 0.1; centred squares 0, 0.04, 0.04, 0 -> sample variance 0.08/3;
        // raw squares 0.01 + 0.01 + 0.09 + 0.01 = 0.12 -> rms sqrt(0.03).
        double[] truth = [14.0, 14.5, 15.0, 13.8];
        double[] predicted = [14.1, 14.4, 15.3, 13.9];

        var stats = ResidualStatistics.Compute(predicted, truth);

        Assert.Equal(4, stats.Count);
        Assert.Equal(0.1, stats.BiasDex, 12);
        Assert.Equal(Math.Sqrt(0.08 / 3), stats.ScatterDex, 12);
        Assert.Equal(Math.Sqrt(0.03), stats.RmsDex, 12);
    }

    [Fact]
    public void A_single_pair_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ResidualStatistics.Compute([1.0], [1.0]));
    }
}
