using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Dynamics.Tests.Baselines;

public sealed class FittedMSigmaRelationTests
{
    [Fact]
    public void Least_squares_recovers_a_noiseless_power_law_and_inverts_it()
    {
        double[] log10M = [13.6, 14.0, 14.3, 14.8, 15.1];
        double[] sigma = log10M.Select(m => Math.Pow(10, (0.33 * (m - 15)) + 2.95)).ToArray();

        FittedMSigmaRelation fit = FittedMSigmaRelation.Fit(log10M, sigma);

        Assert.Equal(0.33, fit.Alpha, 1e-12);
        Assert.Equal(2.95, fit.Beta, 1e-12);
        Assert.Equal(0, fit.ResidualScatterDex, 1e-12);
        Assert.Equal(5, fit.TrainingCount);
        Assert.Equal(14.3, fit.PredictLog10M200c(sigma[2]), 1e-10);
        Assert.Equal(sigma[3], fit.SigmaKmPerS(Math.Pow(10, 14.8)), sigma[3] * 1e-12);
    }

    [Fact]
    public void Least_squares_matches_the_closed_form_slope_on_scattered_data()
    {
        var random = new SeededRandom(17);
        double[] log10M = Enumerable.Range(0, 400).Select(_ => random.NextUniform(13.5, 15.3)).ToArray();
        double[] sigma = log10M.Select(m => Math.Pow(10, (0.3 * (m - 15)) + 2.97 + (0.05 * random.NextGaussian()))).ToArray();

        FittedMSigmaRelation fit = FittedMSigmaRelation.Fit(log10M, sigma);

        // Slope standard error ≈ 0.05 / (sd(log M) sqrt(N)) ≈ 0.005; allow 4 of them. Scatter 0.05 ± 0.002.
        Assert.Equal(0.3, fit.Alpha, 0.02);
        Assert.Equal(2.97, fit.Beta, 0.015);
        Assert.Equal(0.05, fit.ResidualScatterDex, 0.008);
    }

    [Fact]
    public void The_fitted_relation_survives_a_json_round_trip()
    {
        var fit = new FittedMSigmaRelation(0.284, 2.971, 1e15, 0.07, 21338, DispersionEstimator.Gapper);
        FittedMSigmaRelation back = FittedMSigmaRelation.FromJson(fit.ToJson());
        Assert.Equal(fit, back);
    }

    [Fact]
    public void A_fit_refuses_equal_masses()
    {
        Assert.Throws<ArgumentException>(() => FittedMSigmaRelation.Fit([14.0, 14.0, 14.0], [500.0, 510.0, 490.0]));
    }
}
