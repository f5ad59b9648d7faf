namespace StreamProcessor.Fits;

/// <summary>
/// Which HDU <see cref="FitsReader"/> reads and how large an image it accepts. The caps keep a forged header (NAXIS1 =
/// 2^40) from turning into an allocation; they are checked before any pixel is decoded.
/// </summary>
public sealed record FitsReadOptions
{
    public static FitsReadOptions Default { get; } = new();

    /// <summary>HDU number as astropy counts it (0 = primary, 1 = first extension); null = the primary, or the first IMAGE
    /// extension when the primary has no data (NAXIS = 0).</summary>
    public int? HduIndex { get; init; }

    /// <summary>Read the first IMAGE extension whose EXTNAME equals this (case-insensitive, as astropy matches it).</summary>
    public string? ExtName { get; init; }

    /// <summary>Largest NAXIS1 or NAXIS2 accepted.</summary>
    public int MaxAxisLength { get; init; } = 16_384;

    /// <summary>Largest NAXIS1 × NAXIS2 accepted (2^28 pixels = 2 GiB of doubles).</summary>
    public long MaxPixels { get; init; } = 1L << 28;
}
