using MathNet.Numerics.Integration;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Tests.Mocks;

public sealed class LuminosityFunctionTests
{
    [Fact]
    public void Sampled_magnitudes_follow_the_schechter_function()
    {
        LuminosityFunction lf = LuminosityFunction.Blanton03R;
        var random = new SeededRandom(3);
        const int n = 50_000;
        var magnitudes = Enumerable.Range(0, n).Select(_ => lf.SampleAbsoluteMagnitude(random)).ToArray();
        Assert.All(magnitudes, m => Assert.InRange(m, lf.BrightLimitMinus5LogH, lf.FaintLimitMinus5LogH));

        // Independent: the fraction brighter than M* from integrating φ(M) ∝ x^(α+1) e^(−x), x = 10^(0.4 (M* − M)).
        double Phi(double m)
        {
            double x = Math.Pow(10, 0.4 * (lf.MStarMinus5LogH - m));
            return Math.Pow(x, lf.Alpha + 1) * Math.Exp(-x);
        }
        double bright = DoubleExponentialTransformation.Integrate(Phi, lf.BrightLimitMinus5LogH, lf.MStarMinus5LogH, 1e-10);
        double all = DoubleExponentialTransformation.Integrate(Phi, lf.BrightLimitMinus5LogH, lf.FaintLimitMinus5LogH, 1e-10);
        double p = bright / all;
        double observed = magnitudes.Count(m => m < lf.MStarMinus5LogH) / (double)n;
        Assert.Equal(p, observed, 4 * Math.Sqrt(p * (1 - p) / n));
    }

    [Fact]
    public void Apparent_magnitude_adds_the_distance_modulus_in_h_inverse_mpc()
    {
        // D_L = 10 pc = 1e-5 Mpc: m = M.  (M − 5 log h) and D_L in h⁻¹ Mpc carry the same h.
        Assert.Equal(-20.0, LuminosityFunction.ApparentMagnitude(-20.0, 1e-5), 1e-12);
        Assert.Equal(-20.0 + 5 + 25, LuminosityFunction.ApparentMagnitude(-20.0, 10), 1e-12);
    }

    [Fact]
    public void Sampled_per_galaxy_brighter_than_a_magnitude_is_the_ratio_of_schechter_integrals()
    {
        LuminosityFunction lf = LuminosityFunction.Blanton03REvolving;
        double Phi(double m)
        {
            double x = Math.Pow(10, 0.4 * (lf.MStarMinus5LogH - m));
            return Math.Pow(x, lf.Alpha + 1) * Math.Exp(-x);
        }
        double expected = DoubleExponentialTransformation.Integrate(Phi, lf.BrightLimitMinus5LogH, lf.FaintLimitMinus5LogH, 1e-10)
            / DoubleExponentialTransformation.Integrate(Phi, lf.BrightLimitMinus5LogH, -19.5, 1e-10);

        Assert.Equal(expected, lf.SampledPerGalaxyBrighterThan(-19.5), 1e-6);
        Assert.Equal(1.0, lf.SampledPerGalaxyBrighterThan(lf.FaintLimitMinus5LogH));
    }

    [Fact]
    public void Passive_evolution_brightens_by_q_per_unit_redshift_from_the_pivot()
    {
        LuminosityFunction lf = LuminosityFunction.Blanton03REvolving;
        Assert.Equal(0, lf.EvolutionShift(0.1), 1e-15);
        Assert.Equal(-1.62 * 0.9, lf.EvolutionShift(1.0), 1e-12);
        Assert.Equal(0, LuminosityFunction.Blanton03R.EvolutionShift(1.0));
    }
}
