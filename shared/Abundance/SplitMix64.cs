namespace StreamProcessor.Abundance;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014, doi:10.1145/2714064.2660195): a tiny, fast, deterministic generator.
/// A struct, so that each cluster gets its own stream without an allocation.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>SplitMix64's finaliser: a good 64-bit mixer, also used to derive per-cluster seeds.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }
}
