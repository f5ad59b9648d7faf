using System.Globalization;
using StreamProcessor.Fits;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>
/// Centre, pixel scale and row order of a map from its WCS and the command-line overrides. Schema sky-map has square
/// pixels and rows from the lowest declination up, so a WCS with unequal axis scales or a rotated grid is refused, and a
/// south-up image (CD2_2 &lt; 0) has its rows reversed.
/// </summary>
internal static class MapGeometry
{
    /// <summary>Largest accepted difference between the two pixel sides (relative), and rotation of the grid (degrees).</summary>
    private const double SquareTolerance = 1e-3;

    private const double MaxRotationDeg = 0.5;

    public static (double RaDeg, double DecDeg, double ScaleArcsec, bool FlipRows)? Resolve(FitsImage image, MapFileOptions options, out string? problem)
    {
        problem = null;
        var wcs = image.Wcs;
        bool flip = wcs is { Cd22: < 0 };  // FITS row 0 is the lowest y (FITS 4.0 §3.3.2), which is north here
        bool overridden = options is { RaDeg: not null, DecDeg: not null, PixelScaleArcsec: not null };
        if (wcs is not null && !overridden && Problem(wcs) is { } geometry)
        {
            problem = geometry;
            return null;
        }

        double? ra = options.RaDeg ?? wcs?.CentreRaDeg;
        double? dec = options.DecDeg ?? wcs?.CentreDecDeg;
        double? scale = options.PixelScaleArcsec ?? wcs?.PixelScaleArcsec;
        if (ra is { } r && dec is { } d && scale is { } s) return (r, d, s, flip);

        string[] missing = [.. new[] { ("--ra", ra), ("--dec", dec), ("--pixel-scale-arcsec", scale) }.Where(m => m.Item2 is null).Select(m => m.Item1)];
        problem = $"missing-field position: no usable WCS ({image.WcsIssue}); give {string.Join(", ", missing)}";
        return null;
    }

    private static string? Problem(FitsWcs wcs)
    {
        // Column j of CD is the sky step of one pixel along axis j (Greisen & Calabretta 2002, Paper I §2.1.2).
        double side1 = Math.Sqrt((wcs.Cd11 * wcs.Cd11) + (wcs.Cd21 * wcs.Cd21)) * 3600;
        double side2 = Math.Sqrt((wcs.Cd12 * wcs.Cd12) + (wcs.Cd22 * wcs.Cd22)) * 3600;
        if (Math.Abs(side1 - side2) > SquareTolerance * Math.Max(side1, side2))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"out-of-range pixel_scale_arcsec: the pixels are not square ({side1:G6} × {side2:G6} arcsec); schema sky-map has square pixels");
        }

        double rotationDeg = Math.Atan2(Math.Abs(wcs.Cd12), Math.Abs(wcs.Cd22)) * 180 / Math.PI;
        return rotationDeg > MaxRotationDeg
            ? string.Create(CultureInfo.InvariantCulture,
                $"malformed pixels: the pixel grid is rotated by {rotationDeg:F2}° from north; schema sky-map has rows along declination")
            : null;
    }
}
