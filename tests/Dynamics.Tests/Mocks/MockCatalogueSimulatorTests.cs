using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Tests.Mocks;

public sealed class MockCatalogueSimulatorTests
{
    private static readonly MockCatalogueOptions Defaults = new();

    /// <summary>Only the cluster itself, every member observed: for checks against the richness relation.</summary>
    private static MockCatalogueOptions MembersOnly(double log10M) => new()
    {
        Log10M200cMin = log10M,
        Log10M200cMax = log10M,
        RedshiftMin = 0.03,
        RedshiftMax = 0.15,
        LinesOfSight = 1,
        Interlopers = new InterloperOptions { BackgroundSurfaceDensityH2PerMpc2 = 0, HaloSpaceDensityH3PerMpc3 = 0 },
        Selection = new ObservationalSelection { ApplyFluxLimit = false, ApertureMpcOverH = 100, VelocityCutKmPerS = 1e5, MinimumGalaxyCount = 0 },
    };

    [Fact]
    public void The_same_seed_gives_identical_catalogues_and_another_seed_does_not()
    {
        var simulator = new MockCatalogueSimulator(Defaults);
        MockCatalogue first = simulator.Simulate(60, seed: 7);
        MockCatalogue again = simulator.Simulate(60, seed: 7);
        MockCatalogue other = simulator.Simulate(60, seed: 8);

        AssertSameCatalogue(first.Contaminated, again.Contaminated);
        AssertSameCatalogue(first.Pure, again.Pure);
        Assert.NotEqual(
            first.Contaminated.Select(c => c.Log10M200c),
            other.Contaminated.Select(c => c.Log10M200c));
    }

    [Fact]
    public void The_catalogue_does_not_depend_on_the_degree_of_parallelism()
    {
        var simulator = new MockCatalogueSimulator(Defaults with { AddVelocitySignFlips = true });
        MockCatalogue serial = simulator.Simulate(80, seed: 99, maxDegreeOfParallelism: 1);
        MockCatalogue parallel = simulator.Simulate(80, seed: 99, maxDegreeOfParallelism: 4);

        AssertSameCatalogue(serial.Pure, parallel.Pure);
        AssertSameCatalogue(serial.Contaminated, parallel.Contaminated);
    }

    [Theory]
    [InlineData(14.0, 1.0)]
    [InlineData(14.7, 1.0)]
    [InlineData(14.0, 2.0)]
    public void Mean_member_count_follows_the_richness_relation(double log10M, double truncationInR200c)
    {
        MockCatalogueOptions options = MembersOnly(log10M) with { MemberTruncationInR200c = truncationInR200c, ConcentrationScatterDex = 0 };
        const int haloes = 1500;
        MockCatalogue catalogue = new MockCatalogueSimulator(options).Simulate(haloes, seed: 5);

        // Mean within R200c from the relation; beyond it the NFW mass fraction μ(c t)/μ(c) (same median c for every halo).
        double mass = Math.Pow(10, log10M);
        double c = DuffyConcentration.Median(mass, 0.09, Overdensity.Critical200);
        double expected = options.MeanRichness(mass) * Nfw.Mu(c * truncationInR200c) / Nfw.Mu(c);
        double mean = catalogue.Pure.Average(x => x.GalaxyCount);

        Assert.Equal(haloes, catalogue.Pure.Count);
        // Poisson: standard error sqrt(λ/N); 4 of them, plus 1 % for the redshift spread of c (0.03–0.15) when t ≠ 1.
        Assert.Equal(expected, mean, (4 * Math.Sqrt(expected / haloes)) + (truncationInR200c == 1 ? 0 : 0.01 * expected));
    }

    [Fact]
    public void Low_redshift_richness_is_between_ten_and_twenty_at_1e14_and_one_and_two_hundred_at_1e15()
    {
        MockCatalogueOptions sdss = MockCatalogueOptions.SdssLowRedshift;
        Assert.Equal(1.0, sdss.SampledPerRichnessGalaxy);
        Assert.InRange(sdss.MeanRichness(1e14), 10, 20);
        Assert.InRange(sdss.MeanRichness(1e15), 100, 200);
    }

    [Fact]
    public void The_default_fainter_luminosity_function_draws_more_galaxies_for_the_same_richness_relation()
    {
        // Sampled to M* + 1.94 instead of M* + 0.94: about twice as many galaxies (α = −1.05).
        Assert.InRange(Defaults.SampledPerRichnessGalaxy, 1.8, 2.4);
        Assert.Equal(MockCatalogueOptions.SdssLowRedshift.MeanRichness(1e14) * Defaults.SampledPerRichnessGalaxy, Defaults.MeanRichness(1e14), 1e-9);
    }

    [Fact]
    public void Contaminated_catalogues_hold_interlopers_and_a_fitted_m_sigma_scatters_more_on_them()
    {
        // The interloper densities were tuned on the low-redshift configuration (a fitted M–σ ignores the z-dependence).
        MockCatalogue catalogue = new MockCatalogueSimulator(MockCatalogueOptions.SdssLowRedshift).Simulate(700, seed: 2019);

        Assert.All(catalogue.Pure, c => Assert.DoesNotContain(true, c.IsInterloper));
        int interlopers = catalogue.Contaminated.Sum(c => c.InterloperCount);
        Assert.True(interlopers > catalogue.Contaminated.Count, $"only {interlopers} interlopers in {catalogue.Contaminated.Count} clusters");

        double pureScatter = FittedMSigmaRelation.Fit(catalogue.Pure).MassScatterDex(catalogue.Pure);
        double contaminatedScatter = FittedMSigmaRelation.Fit(catalogue.Contaminated).MassScatterDex(catalogue.Contaminated);
        Assert.True(contaminatedScatter > pureScatter, $"pure {pureScatter:F3} dex, contaminated {contaminatedScatter:F3} dex");
        // The defaults target Ho+2019's ≈ 0.37 dex (arXiv:1902.05950) on contaminated data.
        Assert.InRange(contaminatedScatter, 0.25, 0.5);
    }

    [Fact]
    public void Every_listed_galaxy_lies_in_the_observed_cylinder_and_clusters_pass_the_richness_cut()
    {
        MockCatalogue catalogue = new MockCatalogueSimulator(Defaults).Simulate(100, seed: 3);
        ObservationalSelection selection = Defaults.Selection;
        Assert.All(catalogue.Contaminated, c =>
        {
            Assert.True(c.GalaxyCount >= selection.MinimumGalaxyCount);
            for (int i = 0; i < c.GalaxyCount; i++)
            {
                Assert.True(c.RProjMpcOverH[i] < selection.ApertureMpcOverH);
                Assert.True(Math.Abs(c.VLosKmPerS[i]) < selection.VelocityCutKmPerS);
                Assert.Equal(Math.Sqrt((c.XMpcOverH[i] * c.XMpcOverH[i]) + (c.YMpcOverH[i] * c.YMpcOverH[i])), c.RProjMpcOverH[i], 1e-12);
            }
            Assert.InRange(c.Log10M200c, Defaults.Log10M200cMin, Defaults.Log10M200cMax);
            Assert.InRange(c.Redshift, Defaults.RedshiftMin, Defaults.RedshiftMax);
        });
    }

    [Fact]
    public void Pure_and_contaminated_views_share_the_member_galaxies_of_one_draw()
    {
        MockCatalogue catalogue = new MockCatalogueSimulator(Defaults).Simulate(50, seed: 12);
        var contaminated = catalogue.Contaminated.ToDictionary(c => (c.HaloId, c.LineOfSight));
        Assert.All(catalogue.Pure, pure =>
        {
            ProjectedCluster both = contaminated[(pure.HaloId, pure.LineOfSight)];
            Assert.Equal(pure.VLosKmPerS, both.VLosKmPerS.Take(pure.GalaxyCount));
            Assert.Equal(pure.GalaxyCount, both.GalaxyCount - both.InterloperCount);
        });
    }

    [Fact]
    public void Sign_flipped_copies_negate_the_velocities_of_their_line_of_sight()
    {
        MockCatalogueOptions options = Defaults with { AddVelocitySignFlips = true, RandomLineOfSightRotations = true, LinesOfSight = 5 };
        MockCatalogue catalogue = new MockCatalogueSimulator(options).Simulate(30, seed: 4);
        var byKey = catalogue.Contaminated.ToDictionary(c => (c.HaloId, c.LineOfSight));
        var flipped = catalogue.Contaminated.Where(c => c.VelocitySignFlipped).ToList();

        Assert.NotEmpty(flipped);
        Assert.All(flipped, f =>
        {
            Assert.InRange(f.LineOfSight, 5, 9);
            ProjectedCluster original = byKey[(f.HaloId, f.LineOfSight - 5)];
            Assert.False(original.VelocitySignFlipped);
            Assert.Equal(original.VLosKmPerS.Select(v => -v), f.VLosKmPerS);
            Assert.Equal(original.RProjMpcOverH, f.RProjMpcOverH);
        });
    }

    [Fact]
    public void Ten_thousand_haloes_on_three_lines_of_sight_simulate()
    {
        MockCatalogue catalogue = new MockCatalogueSimulator(Defaults).Simulate(10_000, seed: 1, maxDegreeOfParallelism: 2);
        Assert.True(catalogue.Contaminated.Count > 10_000);
    }

    [Fact]
    public void Options_refuse_more_than_three_axis_lines_of_sight()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MockCatalogueSimulator(Defaults with { LinesOfSight = 4 }));
    }

    private static void AssertSameCatalogue(IReadOnlyList<ProjectedCluster> expected, IReadOnlyList<ProjectedCluster> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            ProjectedCluster a = expected[i];
            ProjectedCluster b = actual[i];
            Assert.Equal((a.HaloId, a.LineOfSight, a.Log10M200c, a.Redshift, a.Concentration), (b.HaloId, b.LineOfSight, b.Log10M200c, b.Redshift, b.Concentration));
            Assert.Equal(a.XMpcOverH, b.XMpcOverH);
            Assert.Equal(a.YMpcOverH, b.YMpcOverH);
            Assert.Equal(a.VLosKmPerS, b.VLosKmPerS);
            Assert.Equal(a.Magnitude, b.Magnitude);
            Assert.Equal(a.IsInterloper, b.IsInterloper);
        }
    }
}
