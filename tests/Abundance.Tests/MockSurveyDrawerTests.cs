using StreamProcessor.Abundance.Mocks;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.Surveys;
using Xunit.Abstractions;

namespace StreamProcessor.Abundance.Tests;

public sealed class MockSurveyDrawerTests(ITestOutputHelper output)
{
    /// <summary>The area at which a Planck18 sky holds about a thousand clusters above 10^14 h⁻¹ M☉ (200c) at 0.03 &lt; z &lt; 0.15.</summary>
    private const double ThousandClusterAreaDeg2 = 7500;

    /// <summary>Expected number above 10^lo by SurveyExpectation's Gauss–Legendre quadrature (not the drawer's midpoint cells).</summary>
    private static double ExpectedAbove(FlatLcdm cosmology, double areaDeg2, double log10MassMin)
    {
        var survey = new SurveyDefinition(areaDeg2, [0.03, 0.15], [log10MassMin, 16.0], 0.0, Overdensity.Critical200, (_, _) => 1.0);
        return new SurveyExpectation(survey).ExpectedCounts(cosmology)[0, 0];
    }

    [Theory]
    [InlineData(0.3111, 0.8102, 1)]
    [InlineData(0.25, 0.9, 2)]
    public void Drawn_counts_above_1e14_match_the_expectation_within_Poisson_noise(double omegaM, double sigma8, int seed)
    {
        FlatLcdm cosmology = FlatLcdm.Planck18 with { OmegaM = omegaM, Sigma8 = sigma8 };
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(cosmology, new MockSurveyOptions { SkyAreaDeg2 = ThousandClusterAreaDeg2, Seed = seed });

        foreach (double log10Min in new[] { 13.5, 14.0, 14.5 })
        {
            double expected = ExpectedAbove(cosmology, ThousandClusterAreaDeg2, log10Min);
            int drawn = haloes.Count(h => h.Log10M200c >= log10Min);
            output.WriteLine($"Ω_m = {omegaM}, σ8 = {sigma8}: above 10^{log10Min}: drawn {drawn}, expected {expected:F1}");
            Assert.InRange(drawn, expected - (4 * Math.Sqrt(expected)), expected + (4 * Math.Sqrt(expected)));
        }
    }

    [Fact]
    public void A_Planck18_sky_of_7500_square_degrees_holds_about_a_thousand_clusters_above_1e14_at_low_redshift()
    {
        double expected = ExpectedAbove(FlatLcdm.Planck18, ThousandClusterAreaDeg2, 14.0);
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(FlatLcdm.Planck18, new MockSurveyOptions { SkyAreaDeg2 = ThousandClusterAreaDeg2, Seed = 3 });
        int drawn = haloes.Count(h => h.Log10M200c >= 14.0);
        output.WriteLine($"Planck18, {ThousandClusterAreaDeg2} deg², 0.03 < z < 0.15, M200c ≥ 1e14 h^-1 Msun: expected {expected:F1}, drawn {drawn} (all haloes ≥ 10^13.5: {haloes.Count})");
        Assert.InRange(expected, 700, 1400);
        Assert.InRange(drawn, 700, 1400);
    }

    [Fact]
    public void Haloes_lie_uniformly_inside_the_sky_cap_and_inside_the_ranges()
    {
        var options = new MockSurveyOptions { SkyAreaDeg2 = 3000, CentreRaDeg = 10, CentreDecDeg = -40, Seed = 4 };
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(FlatLcdm.Planck18, options);
        double omega = options.SkyAreaDeg2 * Math.Pow(Math.PI / 180, 2);
        double cosMax = 1 - (omega / (2 * Math.PI));
        double cosHalf = 1 - (omega / (4 * Math.PI));  // the concentric cap of half the area

        int inner = 0;
        foreach (MockHalo h in haloes)
        {
            double cosSeparation = CosSeparation(h.RaDeg, h.DecDeg, options.CentreRaDeg, options.CentreDecDeg);
            Assert.True(cosSeparation >= cosMax - 1e-12, $"{h.HaloId} lies outside the cap");
            if (cosSeparation >= cosHalf) inner++;
            Assert.InRange(h.RaDeg, 0, 360);
            Assert.InRange(h.Redshift, options.RedshiftMin, options.RedshiftMax);
            Assert.InRange(h.Log10M200c, options.Log10MassMin, options.Log10MassMax);
        }

        // Binomial(n, 1/2) for the inner half of the area.
        double n = haloes.Count;
        Assert.InRange(inner, (n / 2) - (4 * Math.Sqrt(n / 4)), (n / 2) + (4 * Math.Sqrt(n / 4)));
        Assert.Equal(haloes.Count, haloes.Select(h => h.HaloId).Distinct().Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_haloes_and_another_seed_different_ones()
    {
        var options = new MockSurveyOptions { SkyAreaDeg2 = 500, Seed = 8 };
        IReadOnlyList<MockHalo> a = MockSurveyDrawer.Draw(FlatLcdm.Planck18, options);
        IReadOnlyList<MockHalo> b = MockSurveyDrawer.Draw(FlatLcdm.Planck18, options);
        IReadOnlyList<MockHalo> c = MockSurveyDrawer.Draw(FlatLcdm.Planck18, options with { Seed = 9 });
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(h => h.Log10M200c), c.Select(h => h.Log10M200c));
    }

    private static double CosSeparation(double ra1, double dec1, double ra2, double dec2)
    {
        double d = Math.PI / 180;
        return (Math.Sin(dec1 * d) * Math.Sin(dec2 * d)) + (Math.Cos(dec1 * d) * Math.Cos(dec2 * d) * Math.Cos((ra1 - ra2) * d));
    }
}
