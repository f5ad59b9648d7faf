using StreamProcessor.Dynamics.SpecialFunctions;

namespace StreamProcessor.Dynamics.Tests.SpecialFunctions;

public sealed class LambertWTests
{
    [Fact]
    public void W0_of_one_is_the_omega_constant()
    {
        // Ω = W0(1) = 0.5671432904097838 (OEIS A030178).
        Assert.Equal(0.5671432904097838, LambertW.W0(1.0), 1e-15);
    }

    [Fact]
    public void W0_of_e_is_one()
    {
        Assert.Equal(1.0, LambertW.W0(Math.E), 1e-15);
    }

    [Fact]
    public void W0_at_the_branch_point_is_minus_one()
    {
        Assert.Equal(-1.0, LambertW.W0(-1 / Math.E));
        Assert.Equal(-1.0, LambertW.W0(LambertW.BranchPoint));
    }

    [Fact]
    public void W0_of_zero_is_zero_and_of_tiny_x_is_x()
    {
        Assert.Equal(0.0, LambertW.W0(0.0));
        Assert.Equal(1e-300, LambertW.W0(1e-300), 1e-310);
        // W0(x) = x − x² + O(x³) (Corless et al. 1996, Eq. 3.1).
        Assert.Equal(-1e-12 - 1e-24, LambertW.W0(-1e-12), 1e-27);
    }

    [Theory]
    [InlineData(-0.36787944117)]
    [InlineData(-0.3678)]
    [InlineData(-0.36)]
    [InlineData(-0.3)]
    [InlineData(-0.2)]
    [InlineData(-0.01)]
    [InlineData(1e-6)]
    [InlineData(0.3)]
    [InlineData(2.5)]
    [InlineData(10)]
    [InlineData(1e3)]
    [InlineData(1e5)]
    [InlineData(1e12)]
    [InlineData(1e300)]
    public void W0_satisfies_its_defining_equation(double x)
    {
        double w = LambertW.W0(x);
        Assert.True(w >= -1);
        if (x < 1e300)
        {
            Assert.Equal(x, w * Math.Exp(w), Math.Abs(x) * 1e-14);
        }
        else
        {
            // w e^w overflows near the top of the double range; check w + ln w = ln x instead.
            Assert.Equal(Math.Log(x), w + Math.Log(w), 1e-12);
        }
    }

    [Fact]
    public void W0_approaches_minus_one_like_the_branch_point_series_just_above_minus_one_over_e()
    {
        // Independent check: solve w e^w = x by bisection on [−1, 0] and compare.
        foreach (double offset in new[] { 1e-3, 1e-6, 1e-9 })
        {
            double x = (-1 / Math.E) + offset;
            double lo = -1;
            double hi = 0;
            for (int i = 0; i < 200; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (mid * Math.Exp(mid) < x) lo = mid; else hi = mid;
            }
            Assert.Equal(0.5 * (lo + hi), LambertW.W0(x), 1e-7 * Math.Sqrt(offset) + 1e-15);
        }
    }

    [Fact]
    public void W0_is_monotone_across_the_start_value_switches()
    {
        double previous = double.NegativeInfinity;
        for (double x = -0.3678; x < 6; x += 1e-3)
        {
            double w = LambertW.W0(x);
            Assert.True(w > previous);
            previous = w;
        }
    }

    [Fact]
    public void W0_refuses_arguments_below_the_branch_point()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LambertW.W0(-0.4));
    }
}
