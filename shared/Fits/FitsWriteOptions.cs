namespace StreamProcessor.Fits;

/// <summary>What <see cref="FitsWriter"/> adds to the pixels: unit, WCS, and whether the image goes in an extension.</summary>
public sealed record FitsWriteOptions
{
    /// <summary>BUNIT (FITS 4.0 §4.4.2.1), e.g. "cm-2".</summary>
    public string? Bunit { get; init; }

    public FitsWcsSpec? Wcs { get; init; }

    /// <summary>Write an empty primary HDU (NAXIS = 0, EXTEND = T) followed by the image as an IMAGE extension (FITS 4.0 §7.1).</summary>
    public bool AsImageExtension { get; init; }

    /// <summary>EXTNAME of the IMAGE extension (only with <see cref="AsImageExtension"/>).</summary>
    public string? ExtName { get; init; }
}
