using StreamProcessor.Cosmology.MassFunction;

namespace StreamProcessor.Cosmology.Tests;

public sealed class Tinker08Tests
{
    [Theory]
    [InlineData(200, 0.186, 1.47, 2.57, 1.19)]
    [InlineData(300, 0.200, 1.52, 2.25, 1.27)]
    [InlineData(800, 0.248, 1.87, 1.59, 1.58)]
    [InlineData(1600, 0.260, 2.30, 1.46, 1.97)]
    [InlineData(3200, 0.260, 2.66, 1.41, 2.44)]
    public void Parameters_at_table_rows_equal_Tinker08_table_2(double delta, double amplitude, double a, double b, double c)
    {
        TinkerParameters p = Tinker08.ParametersAtZeroRedshift(delta);
        Assert.Equal(new TinkerParameters(amplitude, a, b, c), p);
        Assert.Equal(p, Tinker08.Parameters(delta, 0.0));
    }

    [Fact]
    public void Parameters_interpolate_monotonically_between_rows()
    {
        TinkerParameters previous = Tinker08.ParametersAtZeroRedshift(200);
        for (double log10Delta = Math.Log10(200) + 0.01; log10Delta <= Math.Log10(3200); log10Delta += 0.01)
        {
            TinkerParameters p = Tinker08.ParametersAtZeroRedshift(Math.Pow(10, log10Delta));
            Assert.True(p.Amplitude >= previous.Amplitude);
            Assert.True(p.SlopeA > previous.SlopeA);
            Assert.True(p.ScaleB < previous.ScaleB);
            Assert.True(p.CutoffC > previous.CutoffC);
            previous = p;
        }
    }

    [Fact]
    public void Interpolation_is_linear_in_log_delta()
    {
        double mid = Math.Sqrt(200.0 * 300.0);
        TinkerParameters p = Tinker08.ParametersAtZeroRedshift(mid);
        Assert.Equal((0.186 + 0.200) / 2, p.Amplitude, 12);
        Assert.Equal((1.19 + 1.27) / 2, p.CutoffC, 12);
    }

    [Fact]
    public void Redshift_evolution_follows_Tinker08_equations_5_to_8()
    {
        TinkerParameters p = Tinker08.Parameters(200, 1.0);
        double alpha = Math.Pow(10, -Math.Pow(0.75 / Math.Log10(200.0 / 75.0), 1.2));
        Assert.Equal(0.186 * Math.Pow(2, -0.14), p.Amplitude, 12);
        Assert.Equal(1.47 * Math.Pow(2, -0.06), p.SlopeA, 12);
        Assert.Equal(2.57 * Math.Pow(2, -alpha), p.ScaleB, 12);
        Assert.Equal(1.19, p.CutoffC, 12);
    }

    [Theory]
    [InlineData(0.7, 0.12734265)]
    [InlineData(0.8, 0.19005856)]
    [InlineData(0.9, 0.24294619)]
    [InlineData(1.0, 0.28320827)]
    public void Multiplicity_matches_an_independent_implementation(double sigma, double expected)
    {
        // Values printed by an independent Python implementation (doc example of MassFunction.modelTinker08,
        // Δ = 200, z = 0), computed from the same Table 2 row.
        Assert.Equal(expected, Tinker08.Multiplicity(sigma, Tinker08.ParametersAtZeroRedshift(200)), 1e-7);
    }

    [Fact]
    public void Parameters_refuse_overdensities_and_redshifts_outside_the_calibration()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tinker08.ParametersAtZeroRedshift(150));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tinker08.ParametersAtZeroRedshift(4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tinker08.Parameters(200, 2.6));
    }
}
