using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.MassFunction;
using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Cosmology.Tests;

public sealed class SurveyExpectationTests
{
    private static readonly FlatLcdm Planck18 = FlatLcdm.Planck18;

    private static SurveyDefinition Survey(double scatterDex, Completeness? completeness = null) => new(
        SkyAreaDeg2: 2000,
        RedshiftEdges: [0.2, 0.4, 0.7],
        Log10MassEdges: [14.2, 14.4, 14.7],
        ScatterDex: scatterDex,
        MassDefinition: Overdensity.Critical200,
        Completeness: completeness ?? ((_, _) => 1.0));

    [Fact]
    public void Without_scatter_counts_equal_a_brute_force_double_integral()
    {
        SurveyDefinition survey = Survey(0.0);
        double[,] counts = new SurveyExpectation(survey).ExpectedCounts(Planck18);

        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                double expected = BruteForceCounts(survey, survey.Log10MassEdges[i], survey.Log10MassEdges[i + 1], survey.RedshiftEdges[j], survey.RedshiftEdges[j + 1]);
                Assert.Equal(expected, counts[i, j], expected * 1e-5);
            }
        }
    }

    [Fact]
    public void A_relation_that_is_the_unbiased_lognormal_gives_the_counts_of_the_plain_scatter()
    {
        // The per-redshift-node path of a mass–observable relation must reduce to the log-normal path when the relation is that log-normal.
        const double sigma = 0.15;
        static double Gaussian(double log10True, double z, double lo, double hi) =>
            0.5 * (MathNet.Numerics.SpecialFunctions.Erf((hi - log10True) / (Math.Sqrt(2) * sigma)) - MathNet.Numerics.SpecialFunctions.Erf((lo - log10True) / (Math.Sqrt(2) * sigma)));

        double[,] plain = new SurveyExpectation(Survey(sigma)).ExpectedCounts(Planck18);
        double[,] related = new SurveyExpectation(Survey(sigma) with { MassObservable = Gaussian }).ExpectedCounts(Planck18);

        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++) Assert.Equal(plain[i, j], related[i, j], plain[i, j] * 1e-10);
        }
    }

    [Fact]
    public void A_relation_that_reads_masses_high_moves_clusters_into_higher_bins()
    {
        static double Biased(double log10True, double z, double lo, double hi) =>
            0.5 * (MathNet.Numerics.SpecialFunctions.Erf((hi - log10True - 0.1) / (Math.Sqrt(2) * 0.1)) - MathNet.Numerics.SpecialFunctions.Erf((lo - log10True - 0.1) / (Math.Sqrt(2) * 0.1)));

        double[,] plain = new SurveyExpectation(Survey(0.1)).ExpectedCounts(Planck18);
        double[,] biased = new SurveyExpectation(Survey(0.1) with { MassObservable = Biased }).ExpectedCounts(Planck18);

        Assert.True(biased[1, 0] > 1.2 * plain[1, 0], $"{biased[1, 0]} vs {plain[1, 0]}");
    }

    [Fact]
    public void Scatter_moves_clusters_into_the_high_mass_bin_Eddington_bias()
    {
        double[,] sharp = new SurveyExpectation(Survey(0.0)).ExpectedCounts(Planck18);
        double[,] blurred = new SurveyExpectation(Survey(0.2)).ExpectedCounts(Planck18);
        Assert.True(blurred[1, 0] > 1.1 * sharp[1, 0], $"{blurred[1, 0]} vs {sharp[1, 0]}");
        Assert.True(blurred[1, 1] > 1.1 * sharp[1, 1]);
    }

    [Fact]
    public void Counts_scale_with_completeness_and_sky_area()
    {
        double[,] full = new SurveyExpectation(Survey(0.15)).ExpectedCounts(Planck18);
        double[,] half = new SurveyExpectation(Survey(0.15, (_, _) => 0.5)).ExpectedCounts(Planck18);
        double[,] doubleArea = new SurveyExpectation(Survey(0.15) with { SkyAreaDeg2 = 4000 }).ExpectedCounts(Planck18);
        double[,] none = new SurveyExpectation(Survey(0.15, (_, _) => 0.0)).ExpectedCounts(Planck18);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(0.5 * full[i, j], half[i, j], full[i, j] * 1e-12);
                Assert.Equal(2.0 * full[i, j], doubleArea[i, j], full[i, j] * 1e-12);
                Assert.Equal(0.0, none[i, j]);
            }
        }
    }

    [Fact]
    public void Counts_for_many_sigma8_values_equal_one_cosmology_at_a_time()
    {
        var expectation = new SurveyExpectation(Survey(0.15));
        double[] sigma8s = [0.7, 0.8102, 0.95];
        IReadOnlyList<double[,]> batch = expectation.ExpectedCounts(Planck18, sigma8s);
        for (int s = 0; s < sigma8s.Length; s++)
        {
            double[,] single = expectation.ExpectedCounts(Planck18 with { Sigma8 = sigma8s[s] });
            Assert.Equal(single, batch[s]);
        }

        Assert.True(batch[2][1, 1] > batch[1][1, 1] && batch[1][1, 1] > batch[0][1, 1]);
    }

    [Fact]
    public void Counts_are_converged_in_the_default_quadrature()
    {
        SurveyDefinition survey = Survey(0.15, (m, z) => 1.0 / (1.0 + Math.Exp(-(Math.Log10(m) - 14.1 - (0.2 * z)) / 0.08)));
        double[,] standard = new SurveyExpectation(survey).ExpectedCounts(Planck18);
        double[,] fine = new SurveyExpectation(survey, new SurveyQuadrature(0.025, 6, 0.02, 6, 8.0)).ExpectedCounts(Planck18);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 2; j++) Assert.Equal(fine[i, j], standard[i, j], fine[i, j] * 1e-4);
        }
    }

    [Fact]
    public void Bin_volume_from_zero_is_the_sky_fraction_of_the_comoving_sphere()
    {
        SurveyDefinition survey = Survey(0.1) with { RedshiftEdges = [0.0, 0.5, 1.0] };
        var expectation = new SurveyExpectation(survey);
        double dc = Background.ComovingDistanceMpcOverH(0.5, Planck18);
        double expected = survey.SkyAreaSr * dc * dc * dc / 3.0;
        Assert.Equal(expected, expectation.ComovingVolumeMpc3OverH3(Planck18, 0), expected * 1e-9);
    }

    [Fact]
    public void Volume_averaged_mass_function_lies_between_its_values_at_the_bin_edges()
    {
        var expectation = new SurveyExpectation(Survey(0.1));
        double mean = expectation.VolumeAveragedDnDlog10MH3PerMpc3(Planck18, 3e14, 1);
        double atLow = HaloMassFunction.DnDlog10MH3PerMpc3(3e14, 0.4, Overdensity.Critical200, Planck18);
        double atHigh = HaloMassFunction.DnDlog10MH3PerMpc3(3e14, 0.7, Overdensity.Critical200, Planck18);
        Assert.InRange(mean, atHigh, atLow);
    }

    [Fact]
    public void Survey_refuses_inputs_it_cannot_model()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyExpectation(Survey(0.1) with { RedshiftEdges = [0.5, 3.0] }));
        Assert.Throws<ArgumentException>(() => new SurveyExpectation(Survey(0.1) with { Log10MassEdges = [14.5, 14.2] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SurveyExpectation(Survey(0.1) with { Log10MassEdges = [16.5, 17.0] }));
        Assert.Throws<ArgumentException>(() => new SurveyExpectation(Survey(0.1, (_, _) => 1.5)));
    }

    /// <summary>Ω ∫dz dV/dz dΩ ∫ dlog₁₀M dn/dlog₁₀M by composite Simpson in z (20 steps) and log₁₀ M (40 steps).</summary>
    private static double BruteForceCounts(SurveyDefinition survey, double log10Lo, double log10Hi, double zLo, double zHi)
    {
        static double Simpson(Func<double, double> f, double a, double b, int n)
        {
            double h = (b - a) / n, sum = f(a) + f(b);
            for (int i = 1; i < n; i++) sum += (i % 2 == 1 ? 4 : 2) * f(a + (i * h));
            return sum * h / 3;
        }

        return survey.SkyAreaSr * Simpson(
            z => Background.ComovingVolumeElementMpc3OverH3PerSr(z, Planck18) *
                 Simpson(x => HaloMassFunction.DnDlog10MH3PerMpc3(Math.Pow(10, x), z, Overdensity.Critical200, Planck18), log10Lo, log10Hi, 40),
            zLo,
            zHi,
            20);
    }
}
