namespace StreamProcessor.Fits;

/// <summary>
/// One 2D image HDU. <see cref="Pixels"/> are physical values (BZERO + BSCALE × raw; NaN for BLANK or IEEE NaN),
/// row-major with index = row × <see cref="Width"/> + column, row 0 being the first row in the file (FITS y = 1, the
/// lowest y; FITS 4.0 §3.3.2: the first axis varies fastest). Doubles, so 32- and 64-bit integers and BITPIX −64 keep
/// their precision.
/// </summary>
public sealed record FitsImage
{
    /// <summary>NAXIS1: pixels per row.</summary>
    public required int Width { get; init; }

    /// <summary>NAXIS2: rows.</summary>
    public required int Height { get; init; }

    public required double[] Pixels { get; init; }

    /// <summary>BITPIX of the stored array.</summary>
    public required int Bitpix { get; init; }

    /// <summary>The header of the HDU read (and its index: 0 = primary).</summary>
    public required FitsHeader Header { get; init; }

    /// <summary>BUNIT (FITS 4.0 §4.4.2.1), or null when absent.</summary>
    public string? Bunit { get; init; }

    /// <summary>The celestial WCS, or null; <see cref="WcsIssue"/> then says why.</summary>
    public FitsWcs? Wcs { get; init; }

    /// <summary>Why <see cref="Wcs"/> is null (no WCS keywords, an unsupported projection, an incomplete set).</summary>
    public string? WcsIssue { get; init; }
}
