using System.Numerics;
using MathNet.Numerics.Distributions;

namespace StreamProcessor.Dynamics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2021, ACM TOMS 47, 36, arXiv:1805.01407) seeded through SplitMix64, as its authors
/// recommend. <see cref="ForStream"/> derives an independent generator from (seed, stream index), so a halo's draws
/// depend only on its index, never on which thread simulates it. Not thread-safe: one instance per halo.
/// Derives from <see cref="Random"/> so MathNet distributions can sample from it.
/// </summary>
public sealed class SeededRandom : Random
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose 256-bit state is four SplitMix64 outputs of <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        ulong state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    /// <summary>An independent generator for stream <paramref name="streamIndex"/> (e.g. a halo index) of run <paramref name="seed"/>.</summary>
    public static SeededRandom ForStream(ulong seed, ulong streamIndex)
    {
        // Hash the pair rather than adding it, so (seed, i+1) and (seed+1, i) do not share a state.
        ulong state = seed;
        ulong mixedSeed = SplitMix64(ref state);
        state = mixedSeed ^ (streamIndex * 0xD1B54A32D192ED03UL);
        return new SeededRandom(SplitMix64(ref state));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): safe for logarithms and inverse CDFs that diverge at 0.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [a, b).</summary>
    public double NextUniform(double a, double b) => a + ((b - a) * NextDouble());

    /// <summary>Standard normal deviate (Box–Muller, one output per call so the stream never carries hidden state).</summary>
    public double NextGaussian()
    {
        double u1 = NextOpenDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Poisson deviate with mean <paramref name="mean"/> (MathNet.Numerics sampler driven by this stream).</summary>
    public int NextPoisson(double mean)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mean);
        return mean == 0 ? 0 : Poisson.Sample(this, mean);
    }

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1);

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    private static ulong SplitMix64(ref ulong state)
    {
        // Steele, Lea & Flood (2014), "Fast splittable pseudorandom number generators", OOPSLA; constants from Vigna's splitmix64.c.
        state += 0x9E3779B97F4A7C15UL;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
