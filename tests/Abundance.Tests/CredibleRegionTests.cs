namespace StreamProcessor.Abundance.Tests;

public sealed class CredibleRegionTests
{
    [Theory]
    [InlineData(0.68)]
    [InlineData(0.95)]
    public void Level_of_a_two_dimensional_Gaussian_is_ln_of_one_minus_the_probability_below_the_peak(double probability)
    {
        // For a 2-D Gaussian the HPD region of mass p is χ² ≤ −2 ln(1 − p), i.e. ln L ≥ ln L_max + ln(1 − p).
        const int n = 301;
        var logLikelihood = new double[n * n];
        var weights = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double x = -6 + (12.0 * i / (n - 1));
                double y = -12 + (24.0 * j / (n - 1)); // σ_y = 2: ±6σ on both axes
                logLikelihood[(i * n) + j] = -0.5 * ((x * x) + (y * y / 4.0));
                weights[(i * n) + j] = 1.0;
            }
        }

        double level = CredibleRegion.LogLikelihoodLevel(logLikelihood, weights, probability);

        Assert.Equal(Math.Log(1 - probability), level, 0.02);
    }

    [Fact]
    public void Level_refuses_a_probability_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CredibleRegion.LogLikelihoodLevel([0.0, 1.0], [1.0, 1.0], 1.0));
    }
}
