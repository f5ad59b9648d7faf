using MathNet.Numerics.Integration;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Dynamics.Tests.Halos;

public sealed class NfwHaloTests
{
    private static readonly NfwHalo SheetHalo = NfwHalo.Create(1e14, 0, 4.11, FlatLcdm.Planck18);

    [Fact]
    public void The_reference_sheet_self_check_halo_has_the_published_radius_speed_and_dispersion()
    {
        // Reference sheet §2: M200c = 1e14, z = 0, c = 4.11 → R200c = 0.7548, V200 = 754.8 km/s, σ_r(0.5 R200) ≈ 487 km/s.
        Assert.Equal(0.7548, SheetHalo.R200cMpcOverH, 1e-4);
        Assert.Equal(754.8, SheetHalo.V200KmPerS, 0.05);
        Assert.Equal(487, SheetHalo.RadialVelocityDispersionKmPerS(0.5 * SheetHalo.R200cMpcOverH), 1.0);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Jeans_dispersion_matches_a_direct_integration_of_the_jeans_equation(double radiusInR200c)
    {
        // Isotropic Jeans equation: ρ σ_r² (r) = ∫_r^∞ ρ G M(<r')/r'² dr'. With x = r/r_s, ρ ∝ 1/(x(1+x)²) and
        // G M(<r) = V200² R200 μ(x)/μ(c): σ_r² = V200² c/μ(c) x(1+x)² ∫_x^∞ μ(x')/(x'³(1+x')²) dx'.
        // Substituting x' = x/t maps the tail onto t ∈ (0, 1].
        double c = SheetHalo.Concentration;
        double x = c * radiusInR200c;
        double integral = DoubleExponentialTransformation.Integrate(
            t =>
            {
                if (t == 0) return 0;
                double xp = x / t;
                return Nfw.Mu(xp) / (xp * xp * xp * (1 + xp) * (1 + xp)) * x / (t * t);
            },
            0,
            1,
            1e-12);
        double v200 = SheetHalo.V200KmPerS;
        double expected = v200 * Math.Sqrt(c / Nfw.Mu(c) * x * (1 + x) * (1 + x) * integral);

        double actual = SheetHalo.RadialVelocityDispersionKmPerS(radiusInR200c * SheetHalo.R200cMpcOverH);

        Assert.Equal(expected, actual, expected * 1e-7);
    }

    [Fact]
    public void Potential_is_the_integral_of_the_enclosed_mass_force()
    {
        // Φ(r) = −∫_r^∞ G M(<r')/r'² dr' for the untruncated profile, integrated with r' = r/t.
        double r = 0.3 * SheetHalo.R200cMpcOverH;
        double gM = SheetHalo.V200KmPerS * SheetHalo.V200KmPerS * SheetHalo.R200cMpcOverH;
        double integral = DoubleExponentialTransformation.Integrate(
            t =>
            {
                if (t == 0) return 0;
                double rp = r / t;
                double massFraction = Nfw.Mu(rp / SheetHalo.ScaleRadiusMpcOverH) / SheetHalo.MuOfConcentration;
                return gM * massFraction / (rp * rp) * r / (t * t);
            },
            0,
            1,
            1e-12);

        Assert.Equal(-integral, SheetHalo.PotentialKm2PerS2(r), integral * 1e-8);
        Assert.Equal(Math.Sqrt(2 * integral), SheetHalo.EscapeSpeedKmPerS(r), 1e-6 * Math.Sqrt(integral));
    }

    [Fact]
    public void Inverse_cdf_radius_returns_the_radius_enclosing_that_mass_fraction()
    {
        foreach (double truncation in new[] { 1.0, 2.5 })
        {
            double muMax = Nfw.Mu(SheetHalo.Concentration * truncation);
            for (double u = 0.001; u < 1; u += 0.0371)
            {
                double r = SheetHalo.RadiusFromUniformMpcOverH(u, truncation);
                double fraction = Nfw.Mu(r / SheetHalo.ScaleRadiusMpcOverH) / muMax;
                Assert.Equal(u, fraction, 1e-10);
            }
            Assert.Equal(0.0, SheetHalo.RadiusFromUniformMpcOverH(0, truncation), 1e-12);
            Assert.Equal(truncation * SheetHalo.R200cMpcOverH, SheetHalo.RadiusFromUniformMpcOverH(1, truncation), 1e-9);
        }
    }

    [Fact]
    public void Sampled_radii_follow_the_nfw_enclosed_mass_profile()
    {
        // Kolmogorov–Smirnov: D = sup |F_N(r) − μ(r/r_s)/μ(c)|; the 99 % critical value is 1.63/sqrt(N).
        var random = new SeededRandom(2024);
        const int count = 20_000;
        var radii = new double[count];
        for (int i = 0; i < count; i++) radii[i] = SheetHalo.RadiusFromUniformMpcOverH(random.NextOpenDouble(), 1.0);
        Array.Sort(radii);

        double d = 0;
        for (int i = 0; i < count; i++)
        {
            double model = SheetHalo.EnclosedMassFraction(radii[i]);
            d = Math.Max(d, Math.Max(Math.Abs(((i + 1.0) / count) - model), Math.Abs((i / (double)count) - model)));
        }
        Assert.True(d < 1.63 / Math.Sqrt(count), $"KS distance {d}");

        // And at a few radii, the empirical fraction inside is within 4 binomial sigma of the model.
        foreach (double s in new[] { 0.1, 0.3, 0.6, 0.9 })
        {
            double p = SheetHalo.EnclosedMassFraction(s * SheetHalo.R200cMpcOverH);
            double observed = radii.Count(r => r < s * SheetHalo.R200cMpcOverH) / (double)count;
            Assert.Equal(p, observed, 4 * Math.Sqrt(p * (1 - p) / count));
        }
    }

    [Fact]
    public void Create_uses_the_critical_density_of_the_cosmology()
    {
        var halo = NfwHalo.Create(3e14, 0.5, 5, FlatLcdm.Planck18);
        double mass = 4.0 / 3.0 * Math.PI * 200 * Background.CriticalDensityH2MsunPerMpc3(0.5, FlatLcdm.Planck18) * Math.Pow(halo.R200cMpcOverH, 3);
        Assert.Equal(3e14, mass, 3e14 * 1e-12);
        Assert.Equal(halo.R200cMpcOverH / 5, halo.ScaleRadiusMpcOverH, 1e-15);
    }

    [Fact]
    public void Create_refuses_a_non_positive_mass_or_concentration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NfwHalo.Create(0, 0.1, 4, FlatLcdm.Planck18));
        Assert.Throws<ArgumentOutOfRangeException>(() => NfwHalo.Create(1e14, 0.1, 0, FlatLcdm.Planck18));
    }
}
