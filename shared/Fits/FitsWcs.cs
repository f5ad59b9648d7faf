namespace StreamProcessor.Fits;

/// <summary>
/// The celestial WCS of a 2D image, reduced to what a map needs: the linear part (Greisen &amp; Calabretta 2002,
/// A&amp;A 395, 1061, "Paper I", §2.1: intermediate world coordinates x = CD·(p − CRPIX), in degrees), the projection,
/// the sky position of the image centre and the pixel scale. Pixel coordinates are 1-based FITS ones: pixel (1, 1) is
/// the centre of the first pixel in the file.
/// </summary>
public sealed record FitsWcs
{
    public required FitsProjection Projection { get; init; }

    public required double CrPix1 { get; init; }

    public required double CrPix2 { get; init; }

    /// <summary>CRVAL1: right ascension of the reference pixel, degrees.</summary>
    public required double CrVal1Deg { get; init; }

    /// <summary>CRVAL2: declination of the reference pixel, degrees.</summary>
    public required double CrVal2Deg { get; init; }

    /// <summary>CD matrix, degrees per pixel (from CDi_j, or CDELTi with PCi_j or CROTA2).</summary>
    public required double Cd11 { get; init; }

    public required double Cd12 { get; init; }

    public required double Cd21 { get; init; }

    public required double Cd22 { get; init; }

    /// <summary>LONPOLE φ_p, degrees: the native longitude of the celestial pole (Paper II §2.4).</summary>
    public required double LonPoleDeg { get; init; }

    /// <summary>Right ascension of the image centre ((NAXIS1 + 1)/2, (NAXIS2 + 1)/2), degrees in [0, 360).</summary>
    public required double CentreRaDeg { get; init; }

    /// <summary>Declination of the image centre, degrees.</summary>
    public required double CentreDecDeg { get; init; }

    /// <summary>sqrt(|det CD|) × 3600: the side of a square pixel of the same area at the reference point, arcsec.</summary>
    public double PixelScaleArcsec => Math.Sqrt(Math.Abs((Cd11 * Cd22) - (Cd12 * Cd21))) * 3600.0;

    /// <summary>(RA, Dec) in degrees, RA in [0, 360), of the 1-based FITS pixel (x, y).</summary>
    public (double RaDeg, double DecDeg) PixelToWorld(double x, double y)
    {
        // Paper I eq. 3 (CD form): intermediate world coordinates in degrees.
        double dx = x - CrPix1;
        double dy = y - CrPix2;
        double xi = (Cd11 * dx) + (Cd12 * dy);
        double eta = (Cd21 * dx) + (Cd22 * dy);
        var (ra, dec) = Projection == FitsProjection.Gnomonic
            ? GnomonicProjection.ToCelestial(xi, eta, CrVal1Deg, CrVal2Deg, LonPoleDeg)
            : (CrVal1Deg + xi, CrVal2Deg + eta);
        return (NormaliseRa(ra), dec);
    }

    internal static double NormaliseRa(double raDeg)
    {
        double ra = raDeg % 360.0;
        if (ra < 0) ra += 360.0;
        return ra >= 360.0 ? 0.0 : ra;
    }
}
