using StreamProcessor.Cosmology.Halos;

namespace StreamProcessor.Cosmology.Tests;

public sealed class OverdensityConversionTests
{
    private static readonly FlatLcdm Planck18 = FlatLcdm.Planck18;

    [Theory]
    [InlineData(1e14, 0.0)]
    [InlineData(1e15, 0.5)]
    [InlineData(3e13, 1.2)]
    public void Masses_rank_500c_below_200c_below_200m(double m200c, double redshift)
    {
        double m500c = OverdensityConversion.ConvertMassMsunOverH(m200c, redshift, Overdensity.Critical200, Overdensity.Critical500, Planck18);
        double m200m = OverdensityConversion.ConvertMassMsunOverH(m200c, redshift, Overdensity.Critical200, Overdensity.Mean200, Planck18);
        Assert.True(m500c < m200c && m200c < m200m, $"500c {m500c:E3}, 200c {m200c:E3}, 200m {m200m:E3}");

        // Typical cluster ratio M500c/M200c ≈ 0.6–0.8 for c200c ≈ 3–6.
        Assert.InRange(m500c / m200c, 0.6, 0.8);
    }

    [Theory]
    [InlineData("200c", "500c")]
    [InlineData("500c", "200c")]
    [InlineData("200c", "200m")]
    [InlineData("200m", "500c")]
    [InlineData("500c", "200m")]
    public void Conversion_round_trips(string from, string to)
    {
        Overdensity a = Parse(from), b = Parse(to);
        const double mass = 4e14;
        double there = OverdensityConversion.ConvertMassMsunOverH(mass, 0.3, a, b, Planck18);
        double back = OverdensityConversion.ConvertMassMsunOverH(there, 0.3, b, a, Planck18);
        Assert.Equal(mass, back, mass * 1e-8);
        Assert.NotEqual(mass, there, mass * 1e-3);
    }

    [Fact]
    public void Converted_halo_keeps_its_scale_radius_and_encloses_the_NFW_mass()
    {
        const double m200c = 1e14, c200c = 4.11, z = 0.0;
        (double m500c, double c500c) = OverdensityConversion.ConvertWithConcentration(m200c, c200c, z, Overdensity.Critical200, Overdensity.Critical500, Planck18);

        double r200 = Nfw.RadiusMpcOverH(m200c, z, Overdensity.Critical200, Planck18);
        double r500 = Nfw.RadiusMpcOverH(m500c, z, Overdensity.Critical500, Planck18);
        Assert.Equal(r200 / c200c, r500 / c500c, 1e-9);

        // M(<R500) of the 200c profile (sheet §2: M(<r) = M_Δ μ(r/r_s)/μ(c)) must be M500c.
        double enclosed = m200c * Nfw.Mu(r500 / (r200 / c200c)) / Nfw.Mu(c200c);
        Assert.Equal(enclosed, m500c, m500c * 1e-9);
    }

    [Fact]
    public void Concentrations_can_come_from_the_200m_fit_instead()
    {
        double viaMean = OverdensityConversion.ConvertMassMsunOverH(4e14, 0.3, Overdensity.Mean200, Overdensity.Critical200, Planck18, Overdensity.Mean200);
        double back = OverdensityConversion.ConvertMassMsunOverH(viaMean, 0.3, Overdensity.Critical200, Overdensity.Mean200, Planck18, Overdensity.Mean200);
        Assert.Equal(4e14, back, 4e14 * 1e-8);

        // The two Duffy fits describe slightly different haloes: the answers differ, but by less than 10 %.
        double viaCritical = OverdensityConversion.ConvertMassMsunOverH(4e14, 0.3, Overdensity.Mean200, Overdensity.Critical200, Planck18);
        Assert.InRange(viaMean / viaCritical, 0.9, 1.1);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            OverdensityConversion.ConvertMassMsunOverH(4e14, 0.3, Overdensity.Mean200, Overdensity.Critical200, Planck18, Overdensity.Critical500));
    }

    [Fact]
    public void Converting_to_the_same_definition_returns_the_input()
    {
        Assert.Equal(2e14, OverdensityConversion.ConvertMassMsunOverH(2e14, 0.1, Overdensity.Critical500, Overdensity.Critical500, Planck18));
    }

    private static Overdensity Parse(string name) => name switch
    {
        "200c" => Overdensity.Critical200,
        "500c" => Overdensity.Critical500,
        "200m" => Overdensity.Mean200,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
