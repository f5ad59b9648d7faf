using MathNet.Numerics.Distributions;
using StreamProcessor.Evaluation;

namespace StreamProcessor.Evaluation.Tests;

public sealed class RichnessScatterFitTests
{
    [Fact]
    public void The_fit_recovers_known_sigma_N_and_sigma_0_from_synthetic_residuals()
    {
        const double sigmaN = 0.15;
        const double sigma0 = 0.08;
        var random = new Random(12345);
        int n = 40000;
        var richness = new double[n];
        var residuals = new double[n];
        for (int i = 0; i < n; i++)
        {
            // Richness log-uniform over 10-300, as in a flat-in-log-M mock.
            richness[i] = Math.Round(10 * Math.Pow(30, random.NextDouble()));
            double sigma = Math.Sqrt((sigmaN * sigmaN * 100 / richness[i]) + (sigma0 * sigma0));
            residuals[i] = 0.02 + (sigma * Normal.Sample(random, 0, 1));
        }

        var fit = RichnessScatterFit.Fit(residuals, richness, binCount: 10);

        // Each of 10 bins holds 4000 residuals: its variance is known to ~2 %, so the coefficients to a few per cent.
        Assert.Equal(sigmaN, fit.SigmaNDex, 0.006);
        Assert.Equal(sigma0, fit.Sigma0Dex, 0.006);
        Assert.Equal(10, fit.Bins.Count);
        Assert.True(fit.Bins[0].MeanRichness < fit.Bins[^1].MeanRichness);
    }

    [Fact]
    public void Exact_bin_variances_on_the_model_give_the_coefficients_exactly()
    {
        // y = 0.01 x + 0.0025 at x = 100/N for N = 20, 50, 100, 200: hand-computed variances.
        RichnessBin[] bins =
        [
            new(50, 18, 22, 20, 5.0, (0.01 * 5.0) + 0.0025),
            new(50, 45, 55, 50, 2.0, (0.01 * 2.0) + 0.0025),
            new(50, 90, 110, 100, 1.0, (0.01 * 1.0) + 0.0025),
            new(50, 180, 220, 200, 0.5, (0.01 * 0.5) + 0.0025),
        ];

        var fit = RichnessScatterFit.Fit(bins);

        Assert.Equal(0.01, fit.SigmaNSquaredDex2, 12);
        Assert.Equal(0.0025, fit.Sigma0SquaredDex2, 12);
        Assert.Equal(Math.Sqrt(0.01 + 0.0025), fit.ScatterDex(100), 12);
    }

    [Fact]
    public void A_scatter_that_rises_with_richness_is_fitted_as_a_floor_not_a_negative_term()
    {
        RichnessBin[] bins =
        [
            new(50, 18, 22, 20, 5.0, 0.010),
            new(50, 45, 55, 50, 2.0, 0.012),
            new(50, 90, 110, 100, 1.0, 0.014),
        ];

        var fit = RichnessScatterFit.Fit(bins);

        Assert.Equal(0.0, fit.SigmaNSquaredDex2);
        Assert.InRange(fit.Sigma0SquaredDex2, 0.010, 0.014);
    }
}
