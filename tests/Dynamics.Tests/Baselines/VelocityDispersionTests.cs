using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Dynamics.Tests.Baselines;

public sealed class VelocityDispersionTests
{
    [Fact]
    public void Sample_standard_deviation_uses_n_minus_one()
    {
        // {1, 2, 3, 4}: mean 2.5, Σ(v − v̄)² = 5, so sqrt(5/3).
        Assert.Equal(Math.Sqrt(5.0 / 3.0), VelocityDispersion.SampleStandardDeviationKmPerS([1, 2, 3, 4]), 1e-15);
    }

    [Theory]
    [InlineData(DispersionEstimator.SampleStandardDeviation)]
    [InlineData(DispersionEstimator.Biweight)]
    [InlineData(DispersionEstimator.Gapper)]
    public void Every_estimator_recovers_the_width_of_a_gaussian(DispersionEstimator estimator)
    {
        var random = new SeededRandom(8);
        double[] v = Enumerable.Range(0, 20_000).Select(_ => 100 + (500 * random.NextGaussian())).ToArray();
        // Standard error of a Gaussian σ estimate ≈ σ/sqrt(2N) ≈ 0.5 %; the biweight is ~15 % less efficient.
        Assert.Equal(500, VelocityDispersion.Estimate(v, estimator), 500 * 0.025);
    }

    [Fact]
    public void Biweight_resists_interlopers_that_inflate_the_standard_deviation()
    {
        var random = new SeededRandom(21);
        var v = Enumerable.Range(0, 190).Select(_ => 400 * random.NextGaussian()).ToList();
        v.AddRange(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? 2100.0 : -2100.0));
        double std = VelocityDispersion.SampleStandardDeviationKmPerS(v.ToArray());
        double biweight = VelocityDispersion.BiweightScaleKmPerS(v.ToArray());
        Assert.True(std > 550, $"std {std}");
        Assert.InRange(biweight, 340, 480);
    }

    [Fact]
    public void Fewer_than_two_velocities_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VelocityDispersion.Estimate([3.0]));
    }
}
