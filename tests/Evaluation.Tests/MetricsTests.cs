using StreamProcessor.Evaluation;

namespace StreamProcessor.Evaluation.Tests;

public sealed class MetricsTests
{
    // |θ − μ| / σ = 0.5, 1.5, 2.5, 0.9 (hand-chosen).
    private static readonly double[] Truth = [1.0, 2.0, 3.0, 4.0];
    private static readonly double[] Mean = [1.05, 2.3, 2.5, 4.09];
    private static readonly double[] Sigma = [0.1, 0.2, 0.2, 0.1];

    [Fact]
    public void Coverage_counts_the_fraction_strictly_inside_k_sigma()
    {
        Assert.Equal(0.5, Metrics.Coverage(Truth, Mean, Sigma, 1.0), 12);
        Assert.Equal(0.75, Metrics.Coverage(Truth, Mean, Sigma, Metrics.NinetyFiveSigma), 12);
        Assert.Equal(1.0, Metrics.Coverage(Truth, Mean, Sigma, 3.0), 12);
    }

    [Fact]
    public void Reduced_chi_squared_is_the_mean_squared_pull()
    {
        double expected = ((0.5 * 0.5) + (1.5 * 1.5) + (2.5 * 2.5) + (0.9 * 0.9)) / 4;
        Assert.Equal(expected, Metrics.ReducedChiSquared(Truth, Mean, Sigma), 10);
    }

    [Fact]
    public void The_95_percent_half_width_is_1_96_sigma_and_68_27_percent_is_one_sigma()
    {
        Assert.Equal(Metrics.NinetyFiveSigma, Metrics.HalfWidthInSigma(0.95), 9);
        Assert.Equal(1.0, Metrics.HalfWidthInSigma(0.682689492137086), 9);
    }

    [Fact]
    public void Honest_gaussian_errors_lie_on_the_calibration_diagonal()
    {
        // Pulls at the 2000 mid-quantiles of N(0, 1): a sample whose empirical distribution is exactly Gaussian.
        int n = 2000;
        var truth = new double[n];
        var mean = new double[n];
        var sigma = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = (i + 0.5) / n;
            sigma[i] = 0.1 + (0.1 * (i % 3));
            truth[i] = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u) * sigma[i];
        }

        foreach (var point in Metrics.CalibrationCurve(truth, mean, sigma, Metrics.DefaultConfidenceLevels))
        {
            Assert.InRange(point.ObservedCoverage, point.ExpectedCoverage - 0.002, point.ExpectedCoverage + 0.002);
        }
        Assert.Equal(1.0, Metrics.ReducedChiSquared(truth, mean, sigma), 1);
    }

    [Fact]
    public void R_squared_is_one_for_perfect_predictions_and_zero_for_the_mean()
    {
        Assert.Equal(1.0, Metrics.RSquared(Truth, Truth), 12);
        Assert.Equal(0.0, Metrics.RSquared(Truth, [2.5, 2.5, 2.5, 2.5]), 12);
    }

    [Fact]
    public void A_non_positive_sigma_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Metrics.Coverage(Truth, Mean, [0.1, 0.0, 0.1, 0.1], 1.0));
    }
}
