using System.Diagnostics;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.Inference;
using StreamProcessor.Cosmology.PowerSpectrum;
using StreamProcessor.Cosmology.Surveys;
using Xunit.Abstractions;

namespace StreamProcessor.Cosmology.Tests;

public sealed class ClusterCountGridLikelihoodTests(ClusterCountGridLikelihoodTests.GridFixture fixture, ITestOutputHelper output)
    : IClassFixture<ClusterCountGridLikelihoodTests.GridFixture>
{
    [Theory]
    [InlineData(0.3111, 0.8102)]
    [InlineData(0.25, 0.9)]
    public void Likelihood_of_Asimov_counts_peaks_within_one_grid_step_of_the_truth(double omegaM, double sigma8)
    {
        FlatLcdm truth = FlatLcdm.Planck18 with { OmegaM = omegaM, Sigma8 = sigma8 };
        double[,] asimov = fixture.Likelihood.Expectation.ExpectedCounts(truth);

        var clock = Stopwatch.StartNew();
        GridPosterior posterior = fixture.Likelihood.Evaluate(asimov);
        output.WriteLine($"warm 50x50 evaluation: {clock.Elapsed.TotalMilliseconds:F2} ms; cold build of the grid: {fixture.ColdBuildSeconds:F2} s");
        double total = 0;
        foreach (double n in asimov) total += n;
        output.WriteLine($"Asimov total counts {total:F0}");
        output.WriteLine($"best (Ω_m, σ8) = ({posterior.BestOmegaM:F4}, {posterior.BestSigma8:F4}); Ω_m = {posterior.OmegaM.Mean:F4} ± {posterior.OmegaM.Sigma:F4}, " +
                         $"σ8 = {posterior.Sigma8.Mean:F4} ± {posterior.Sigma8.Sigma:F4}, S8 = {posterior.S8.Mean:F4} ± {posterior.S8.Sigma:F4}");

        CosmologyGrid grid = fixture.Likelihood.Grid;
        double omegaMStep = grid.OmegaMValues[1] - grid.OmegaMValues[0];
        double sigma8Step = grid.Sigma8Values[1] - grid.Sigma8Values[0];
        Assert.InRange(posterior.BestOmegaM, omegaM - omegaMStep, omegaM + omegaMStep);
        Assert.InRange(posterior.BestSigma8, sigma8 - sigma8Step, sigma8 + sigma8Step);

        // The posterior is well inside the grid, so its moments sit near the truth too.
        double s8 = sigma8 * Math.Sqrt(omegaM / 0.3);
        Assert.InRange(posterior.OmegaM.Mean, omegaM - Math.Max(posterior.OmegaM.Sigma, omegaMStep), omegaM + Math.Max(posterior.OmegaM.Sigma, omegaMStep));
        Assert.InRange(posterior.Sigma8.Mean, sigma8 - Math.Max(posterior.Sigma8.Sigma, sigma8Step), sigma8 + Math.Max(posterior.Sigma8.Sigma, sigma8Step));
        Assert.InRange(posterior.S8.Mean, s8 - (2 * posterior.S8.Sigma), s8 + (2 * posterior.S8.Sigma));
        Assert.True(posterior.S8.Sigma < posterior.Sigma8.Sigma, "S8 is the direction counts constrain best");
    }

    [Fact]
    public void Grid_likelihood_equals_the_Poisson_likelihood_of_each_grid_cosmology()
    {
        double[,] observed = fixture.Likelihood.Expectation.ExpectedCounts(FlatLcdm.Planck18);
        for (int i = 0; i < observed.GetLength(0); i++)
        {
            for (int j = 0; j < observed.GetLength(1); j++) observed[i, j] = Math.Round(observed[i, j]);
        }

        GridPosterior posterior = fixture.Likelihood.Evaluate(observed);
        foreach ((int a, int b) in new[] { (0, 0), (17, 33), (49, 49) })
        {
            double[,] expected = fixture.Likelihood.Expectation.ExpectedCounts(fixture.Likelihood.Grid.At(a, b));
            double direct = PoissonLikelihood.LogLikelihood(observed, expected);
            Assert.Equal(direct, posterior.LogLikelihood[a, b], Math.Abs(direct) * 1e-10);
            Assert.Equal(expected, fixture.Likelihood.ExpectedCounts(a, b));
        }
    }

    [Fact]
    public void Evaluation_refuses_counts_of_the_wrong_shape()
    {
        Assert.Throws<ArgumentException>(() => fixture.Likelihood.Evaluate(new double[2, 2]));
    }

    [Fact]
    public void Grid_refuses_cosmologies_where_the_mass_definition_leaves_the_Tinker_calibration()
    {
        // 500c at Ω_m = 0.1, z = 0.1 is Δ_m ≈ 3900 > 3200.
        SurveyDefinition survey = fixture.Likelihood.Expectation.Survey with { MassDefinition = Overdensity.Critical500 };
        CosmologyGrid grid = CosmologyGrid.Uniform(FlatLcdm.Planck18, 0.1, 0.4, 5, 0.7, 0.9, 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClusterCountGridLikelihood(new SurveyExpectation(survey), grid));
    }

    /// <summary>One 50 × 50 grid shared by the tests of this class (built once, cold, and timed).</summary>
    public sealed class GridFixture
    {
        public GridFixture()
        {
            var survey = new SurveyDefinition(
                SkyAreaDeg2: 300,
                RedshiftEdges: [0.1, 0.3, 0.5, 0.7, 1.0],
                Log10MassEdges: [14.0, 14.2, 14.4, 14.6, 14.8, 15.0, 15.5],
                ScatterDex: 0.15,
                MassDefinition: Overdensity.Critical200,
                Completeness: (m, z) => 1.0 / (1.0 + Math.Exp(-(Math.Log10(m) - 13.9 - (0.2 * z)) / 0.05)));
            CosmologyGrid grid = CosmologyGrid.Uniform(FlatLcdm.Planck18, 0.15, 0.45, 50, 0.6, 1.05, 50);

            SigmaTable.ClearCache();
            var clock = Stopwatch.StartNew();
            Likelihood = new ClusterCountGridLikelihood(new SurveyExpectation(survey), grid);
            Likelihood.Warm();
            ColdBuildSeconds = clock.Elapsed.TotalSeconds;
        }

        public ClusterCountGridLikelihood Likelihood { get; }

        public double ColdBuildSeconds { get; }
    }
}
