using StreamProcessor.Cosmology.Inference;

namespace StreamProcessor.Cosmology.Tests;

public sealed class PoissonLikelihoodTests
{
    [Fact]
    public void Log_likelihood_is_the_sum_of_log_Poisson_probabilities()
    {
        double[,] observed = { { 3, 0 }, { 1, 7 } };
        double[,] expected = { { 2.5, 0.4 }, { 1.0, 9.0 } };

        // ln[e^{−μ} μⁿ / n!] with n! written out.
        double direct = (-2.5 + (3 * Math.Log(2.5)) - Math.Log(6))
                        + (-0.4)
                        + (-1.0)
                        + (-9.0 + (7 * Math.Log(9.0)) - Math.Log(5040));
        Assert.Equal(direct, PoissonLikelihood.LogLikelihood(observed, expected), 12);
    }

    [Fact]
    public void Zero_expected_counts_forbid_observed_clusters_and_allow_none()
    {
        Assert.Equal(0.0, PoissonLikelihood.LogLikelihood(new double[,] { { 0 } }, new double[,] { { 0 } }), 12);
        Assert.Equal(double.NegativeInfinity, PoissonLikelihood.LogLikelihood(new double[,] { { 1 } }, new double[,] { { 0 } }));
    }

    [Fact]
    public void Likelihood_refuses_mismatched_shapes_and_negative_counts()
    {
        Assert.Throws<ArgumentException>(() => PoissonLikelihood.LogLikelihood(new double[2, 2], new double[2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonLikelihood.LogLikelihood(new double[,] { { -1 } }, new double[,] { { 1 } }));
    }
}
