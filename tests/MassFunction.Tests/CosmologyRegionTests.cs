using StreamProcessor.Contracts.Messages;
using StreamProcessor.MassFunctionAggregation.Check;

namespace StreamProcessor.MassFunction.Tests;

public sealed class CosmologyRegionTests
{
    [Fact]
    public void The_95_percent_region_of_a_Gaussian_is_the_chi_square_two_dof_ellipse()
    {
        // ln L = −r²/2 with r the Mahalanobis distance: the 95 % HPD region is r² ≤ χ²₂(0.95) = −2 ln 0.05 = 5.991
        // (the χ² quantile with two degrees of freedom), i.e. ln L − max ≥ ln 0.05 = −2.996.
        const double centreOmegaM = 0.30, sigmaOmegaM = 0.02, centreSigma8 = 0.80, sigmaSigma8 = 0.03;
        double[] omegaM = [.. Enumerable.Range(0, 201).Select(i => 0.15 + (0.3 * i / 200))];
        double[] sigma8 = [.. Enumerable.Range(0, 201).Select(j => 0.60 + (0.4 * j / 200))];
        var logLikelihood = new List<double?>();
        foreach (double om in omegaM)
        {
            foreach (double s8 in sigma8)
            {
                double r2 = Math.Pow((om - centreOmegaM) / sigmaOmegaM, 2) + Math.Pow((s8 - centreSigma8) / sigmaSigma8, 2);
                logLikelihood.Add(-0.5 * r2);
            }
        }

        var posterior = new CosmologyPosterior(centreOmegaM, sigmaOmegaM, centreSigma8, sigmaSigma8, 0.8, 0.01, omegaM, sigma8, logLikelihood);

        var (_, level, _) = CosmologyRegion.Evaluate(posterior, centreOmegaM, centreSigma8);
        Assert.Equal(Math.Log(0.05), level, 0.05);
        // r² = 5.0 is inside, r² = 7.0 outside (along the Omega_m axis).
        Assert.True(CosmologyRegion.Evaluate(posterior, centreOmegaM + (Math.Sqrt(5.0) * sigmaOmegaM), centreSigma8).Inside);
        Assert.False(CosmologyRegion.Evaluate(posterior, centreOmegaM + (Math.Sqrt(7.0) * sigmaOmegaM), centreSigma8).Inside);
    }
}
