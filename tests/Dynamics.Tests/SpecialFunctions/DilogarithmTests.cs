using MathNet.Numerics.Integration;
using StreamProcessor.Dynamics.SpecialFunctions;

namespace StreamProcessor.Dynamics.Tests.SpecialFunctions;

public sealed class DilogarithmTests
{
    [Fact]
    public void Li2_of_one_is_pi_squared_over_six()
    {
        Assert.Equal(Math.PI * Math.PI / 6, Dilogarithm.Li2(1), 1e-15);
    }

    [Fact]
    public void Li2_of_minus_one_is_minus_pi_squared_over_twelve()
    {
        Assert.Equal(-Math.PI * Math.PI / 12, Dilogarithm.Li2(-1), 1e-15);
    }

    [Fact]
    public void Li2_of_one_half_matches_euler()
    {
        double ln2 = Math.Log(2);
        Assert.Equal((Math.PI * Math.PI / 12) - (ln2 * ln2 / 2), Dilogarithm.Li2(0.5), 1e-15);
    }

    [Fact]
    public void Li2_of_zero_is_zero_and_small_x_follows_the_power_series()
    {
        Assert.Equal(0.0, Dilogarithm.Li2(0));
        double x = 1e-3;
        double series = 0;
        for (int k = 1; k <= 8; k++) series += Math.Pow(x, k) / (k * k);
        Assert.Equal(series, Dilogarithm.Li2(x), 1e-18);
    }

    [Theory]
    [InlineData(-50.0)]
    [InlineData(-7.5)]
    [InlineData(-2.0)]
    [InlineData(-1.2)]
    [InlineData(-0.8)]
    [InlineData(-0.3)]
    [InlineData(0.2)]
    [InlineData(0.45)]
    [InlineData(0.7)]
    [InlineData(0.95)]
    public void Li2_matches_its_defining_integral(double x)
    {
        // Li2(x) = −∫0^x ln(1−t)/t dt, integrated independently by double-exponential quadrature.
        double integral = -DoubleExponentialTransformation.Integrate(t => t == 0 ? -1 : Math.Log(1 - t) / t, 0, x, 1e-13);
        Assert.Equal(integral, Dilogarithm.Li2(x), 1e-11 * Math.Max(1, Math.Abs(integral)));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    public void Li2_is_continuous_across_the_series_and_identity_switches(double switchPoint)
    {
        double below = Dilogarithm.Li2(switchPoint - 1e-12);
        double above = Dilogarithm.Li2(switchPoint + 1e-12);
        // The derivative −ln(1−x)/x is O(1) here, so a 2e-12 step may change Li2 by a few e-12 at most.
        Assert.Equal(below, above, 5e-12);
    }

    [Fact]
    public void Li2_satisfies_the_inversion_identity_of_the_reference_sheet()
    {
        foreach (double x in new[] { 1.5, 3.0, 10.0, 1e4 })
        {
            double logX = Math.Log(x);
            Assert.Equal((-Math.PI * Math.PI / 6) - (0.5 * logX * logX) - Dilogarithm.Li2(-1 / x), Dilogarithm.Li2(-x), 1e-12 * (1 + (logX * logX)));
        }
    }

    [Fact]
    public void Li2_refuses_arguments_above_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Dilogarithm.Li2(1.0001));
    }
}
