namespace StreamProcessor.Fits;

/// <summary>
/// A celestial WCS for <see cref="FitsWriter"/>: reference pixel (1-based FITS pixels), reference sky position, and
/// the CD matrix in degrees per pixel (Greisen &amp; Calabretta 2002, Paper I §2.1.2). With <see cref="AsCdelt"/>, a
/// diagonal matrix is written as CDELT1/CDELT2 instead of CDi_j.
/// </summary>
public sealed record FitsWcsSpec
{
    public FitsProjection Projection { get; init; } = FitsProjection.Gnomonic;

    public required double CrPix1 { get; init; }

    public required double CrPix2 { get; init; }

    public required double CrVal1Deg { get; init; }

    public required double CrVal2Deg { get; init; }

    public required double Cd11 { get; init; }

    public double Cd12 { get; init; }

    public double Cd21 { get; init; }

    public required double Cd22 { get; init; }

    /// <summary>Write CDELTi rather than CDi_j (only for a diagonal matrix).</summary>
    public bool AsCdelt { get; init; }

    /// <summary>The usual sky-map WCS: north up, east left (CD1_1 = −scale, CD2_2 = +scale), reference point at the
    /// image centre ((NAXIS + 1)/2 in 1-based pixels).</summary>
    public static FitsWcsSpec CentredTan(int width, int height, double raDeg, double decDeg, double pixelScaleArcsec) => new()
    {
        CrPix1 = (width + 1) / 2.0,
        CrPix2 = (height + 1) / 2.0,
        CrVal1Deg = raDeg,
        CrVal2Deg = decDeg,
        Cd11 = -pixelScaleArcsec / 3600.0,
        Cd22 = pixelScaleArcsec / 3600.0,
    };
}
