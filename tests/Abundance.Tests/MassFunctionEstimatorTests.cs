using StreamProcessor.Cosmology;

namespace StreamProcessor.Abundance.Tests;

public sealed class MassFunctionEstimatorTests
{
    private static readonly (double Redshift, double Log10Mass)[] TinySet =
    [
        (0.06, 14.1), (0.07, 14.2), (0.08, 14.7), (0.15, 14.3),
        (0.25, 14.2), // beyond the last redshift edge
        (0.12, 15.2), // above the last mass edge
    ];

    private static MassFunctionSnapshot Feed(SurveyConfiguration survey, IEnumerable<(double Redshift, double Log10Mass)> clusters, double sigmaDex)
    {
        var accumulator = new MassFunctionAccumulator([survey]);
        int k = 0;
        foreach ((double z, double m) in clusters)
        {
            _ = accumulator.Ingest(new MassPosterior($"c{k++}", survey.Name, z, TestSurveys.Epoch, m, sigmaDex));
        }

        return accumulator.Snapshot(survey.Name);
    }

    /// <summary>Comoving volume of a shell over the survey area, Ω/3 (D_C(z₂)³ − D_C(z₁)³): a different route from SurveyExpectation's quadrature of dV/dz.</summary>
    private static double ShellVolume(double areaDeg2, double z1, double z2)
    {
        double omega = areaDeg2 * Math.Pow(Math.PI / 180.0, 2);
        double d1 = Background.ComovingDistanceMpcOverH(z1, FlatLcdm.Planck18);
        double d2 = Background.ComovingDistanceMpcOverH(z2, FlatLcdm.Planck18);
        return omega / 3.0 * ((d2 * d2 * d2) - (d1 * d1 * d1));
    }

    [Fact]
    public void Counts_and_number_densities_match_a_hand_computation_on_a_tiny_set()
    {
        MassFunctionSnapshot snapshot = Feed(TestSurveys.Tiny(), TinySet, sigmaDex: 0.01);

        Assert.Equal(5, snapshot.ClustersInRedshiftRange);
        Assert.Equal(4, snapshot.ClustersInBins);
        Assert.Equal([2, 1], snapshot.RedshiftBins[0].ObservedCounts);
        Assert.Equal([1, 0], snapshot.RedshiftBins[1].ObservedCounts);

        double[] volumes = [ShellVolume(100, 0.05, 0.10), ShellVolume(100, 0.10, 0.20)];
        int[,] counts = { { 2, 1 }, { 1, 0 } }; // [zBin, massBin]
        for (int j = 0; j < 2; j++)
        {
            RedshiftBinMassFunction bin = snapshot.RedshiftBins[j];
            Assert.Equal(volumes[j], bin.ComovingVolumeMpc3OverH3, volumes[j] * 1e-6);
            for (int i = 0; i < 2; i++)
            {
                double density = counts[j, i] / (volumes[j] * 0.5);
                double poisson = Math.Sqrt(counts[j, i]) / (volumes[j] * 0.5);
                Assert.Equal(density, bin.DnDlog10MH3PerMpc3[i], (density * 1e-6) + 1e-30);
                Assert.Equal(poisson, bin.PoissonSigmaH3PerMpc3[i], (poisson * 1e-6) + 1e-30);

                // Every mean lies ≥ 10σ from an edge: re-drawing the masses never moves a cluster.
                Assert.Equal(0.0, bin.SamplingSigmaH3PerMpc3[i]);
                Assert.Equal(poisson, bin.SigmaH3PerMpc3[i], (poisson * 1e-6) + 1e-30);
                Assert.Equal(counts[j, i] / bin.PredictedCounts[i], bin.RatioToPrediction[i], 1e-12);
            }
        }
    }

    [Fact]
    public void Error_bars_grow_when_the_posterior_sigmas_grow()
    {
        SurveyConfiguration survey = TestSurveys.Tiny();
        (double, double)[] clusters = [.. Enumerable.Range(0, 40).Select(k => (0.06 + (0.0035 * k), 14.02 + (0.024 * k)))];

        MassFunctionSnapshot narrow = Feed(survey, clusters, sigmaDex: 0.02);
        MassFunctionSnapshot wide = Feed(survey, clusters, sigmaDex: 0.25);

        for (int j = 0; j < 2; j++)
        {
            for (int i = 0; i < 2; i++)
            {
                Assert.True(wide.RedshiftBins[j].SamplingSigmaH3PerMpc3[i] > narrow.RedshiftBins[j].SamplingSigmaH3PerMpc3[i], $"sampling error of bin ({i}, {j})");
                Assert.True(wide.RedshiftBins[j].SigmaH3PerMpc3[i] > narrow.RedshiftBins[j].SigmaH3PerMpc3[i], $"total error of bin ({i}, {j})");
            }
        }

        Assert.Equal(narrow.RedshiftBins[0].PoissonSigmaH3PerMpc3, wide.RedshiftBins[0].PoissonSigmaH3PerMpc3);
        Assert.Equal(0.02, narrow.ScatterDex, 1e-12);
        Assert.Equal(0.25, wide.ScatterDex, 1e-12);
    }

    [Fact]
    public void Forward_modelled_prediction_exceeds_the_scatter_free_one_at_the_steep_high_mass_end()
    {
        SurveyConfiguration survey = TestSurveys.LowRedshift("edd", 2000, FlatLcdm.Planck18) with { OmegaMCount = 5, Sigma8Count = 5 };
        MassFunctionSnapshot snapshot = Feed(survey, [(0.05, 14.3), (0.09, 14.6), (0.13, 14.1)], sigmaDex: 0.2);
        Assert.Equal(0.2, snapshot.ScatterDex, 1e-12);

        foreach (RedshiftBinMassFunction bin in snapshot.RedshiftBins)
        {
            double previousBoost = 0;
            for (int i = 0; i < snapshot.Log10MassEdges.Count - 1; i++)
            {
                if (snapshot.Log10MassEdges[i] < 14.5) continue;

                // Eddington bias: more haloes scatter up from the abundant low masses than down from the rare high ones,
                // and the steeper the mass function, the larger the boost.
                double boost = bin.PredictedDnDlog10MH3PerMpc3[i] / bin.ScatterFreeDnDlog10MH3PerMpc3[i];
                Assert.True(boost > 1.0, $"boost {boost} at log M = {snapshot.Log10MassEdges[i]}, z = {bin.RedshiftMin}");
                Assert.True(boost > previousBoost, $"boost should grow with mass: {boost} after {previousBoost}");
                previousBoost = boost;
            }
        }
    }

    [Fact]
    public void The_completeness_limit_is_the_lowest_edge_complete_at_every_redshift()
    {
        // C(13.8, z = 0.15) = 1/(1 + e^−1) = 0.73 < 0.9 and C(13.9, 0.15) = 1/(1 + e^−3) = 0.95: the limit is 10^13.9.
        SurveyConfiguration survey = TestSurveys.LowRedshift("limit", 2000, FlatLcdm.Planck18);
        Assert.Equal(4, survey.FitFirstMassBin());
        Assert.Equal(7, (survey with { CompletenessLimitLog10Mass = 14.2 }).FitFirstMassBin());
        Assert.Throws<ArgumentException>(() => (survey with { CompletenessLimitLog10Mass = 14.25 }).FitFirstMassBin());
    }

    [Fact]
    public void An_empty_survey_has_zero_counts_and_no_cosmology()
    {
        MassFunctionSnapshot snapshot = Feed(TestSurveys.Tiny(), [], sigmaDex: 0.1);
        Assert.Null(snapshot.Cosmology);
        Assert.All(snapshot.RedshiftBins, b => Assert.All(b.ObservedCounts, n => Assert.Equal(0, n)));
        Assert.All(snapshot.RedshiftBins, b => Assert.All(b.PredictedCounts, n => Assert.True(n > 0)));
    }
}
