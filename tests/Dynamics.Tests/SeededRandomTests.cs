namespace StreamProcessor.Dynamics.Tests;

public sealed class SeededRandomTests
{
    [Fact]
    public void The_same_seed_and_stream_give_the_same_sequence()
    {
        var a = SeededRandom.ForStream(42, 7);
        var b = SeededRandom.ForStream(42, 7);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Neighbouring_streams_and_seeds_give_different_sequences()
    {
        ulong first = SeededRandom.ForStream(42, 7).NextUInt64();
        Assert.NotEqual(first, SeededRandom.ForStream(42, 8).NextUInt64());
        Assert.NotEqual(first, SeededRandom.ForStream(43, 7).NextUInt64());
        Assert.NotEqual(SeededRandom.ForStream(42, 8).NextUInt64(), SeededRandom.ForStream(43, 7).NextUInt64());
    }

    [Fact]
    public void Uniform_gaussian_and_poisson_deviates_have_the_right_moments()
    {
        var random = new SeededRandom(1);
        const int n = 200_000;
        double sumU = 0;
        double sumG = 0;
        double sumG2 = 0;
        double sumP = 0;
        double sumP2 = 0;
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            Assert.InRange(u, 0, 1 - 1e-17);
            sumU += u;
            double g = random.NextGaussian();
            sumG += g;
            sumG2 += g * g;
            int p = random.NextPoisson(37.5);
            sumP += p;
            sumP2 += (double)p * p;
        }
        // Tolerances: 5 standard errors of each mean (Var U = 1/12, Var g² = 2, Var of a Poisson mean = λ/n).
        Assert.Equal(0.5, sumU / n, 5 * Math.Sqrt(1.0 / 12 / n));
        Assert.Equal(0, sumG / n, 5 / Math.Sqrt(n));
        Assert.Equal(1, sumG2 / n, 5 * Math.Sqrt(2.0 / n));
        double meanP = sumP / n;
        Assert.Equal(37.5, meanP, 5 * Math.Sqrt(37.5 / n));
        Assert.Equal(37.5, (sumP2 / n) - (meanP * meanP), 37.5 * 5 * Math.Sqrt(2.0 / n) * 1.5);
    }
}
