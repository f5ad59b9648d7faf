using System.Buffers.Binary;

namespace StreamProcessor.Fits;

/// <summary>
/// Writes a 2D float32 image (BITPIX = −32, big-endian IEEE-754, FITS 4.0 §5.3) with an optional BUNIT and TAN or linear
/// WCS, in the primary HDU or as an IMAGE extension after an empty primary (§7.1). Used for round-trip tests and to
/// export maps as FITS. Pixels are row-major, row 0 written first (FITS y = 1); NaN marks undefined pixels (§5.3).
/// </summary>
public static class FitsWriter
{
    public static byte[] Write(ReadOnlySpan<float> pixels, int width, int height, FitsWriteOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length != (long)width * height)
        {
            throw new ArgumentException($"{pixels.Length} pixels, width × height = {(long)width * height}", nameof(pixels));
        }

        options ??= new FitsWriteOptions();
        using var output = new MemoryStream();
        if (options.AsImageExtension)
        {
            output.Write(new FitsCardWriter()
                .Logical("SIMPLE", true, "conforms to FITS standard")
                .Integer("BITPIX", 8)
                .Integer("NAXIS", 0)
                .Logical("EXTEND", true)
                .ToBlocks());
        }

        output.Write(ImageHeader(width, height, options));
        var data = new byte[FitsHeaderReader.PadToBlock((long)pixels.Length * sizeof(float))];
        for (int i = 0; i < pixels.Length; i++) BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(i * sizeof(float)), pixels[i]);
        output.Write(data);
        return output.ToArray();
    }

    public static void Write(string path, ReadOnlySpan<float> pixels, int width, int height, FitsWriteOptions? options = null) =>
        File.WriteAllBytes(path, Write(pixels, width, height, options));

    private static byte[] ImageHeader(int width, int height, FitsWriteOptions options)
    {
        var cards = new FitsCardWriter();
        if (options.AsImageExtension)
        {
            cards.String("XTENSION", "IMAGE", "image extension");
        }
        else
        {
            cards.Logical("SIMPLE", true, "conforms to FITS standard");
        }

        cards.Integer("BITPIX", -32, "IEEE single precision")
            .Integer("NAXIS", 2)
            .Integer("NAXIS1", width)
            .Integer("NAXIS2", height);
        if (options.AsImageExtension)
        {
            cards.Integer("PCOUNT", 0).Integer("GCOUNT", 1);
            if (options.ExtName is { } name) cards.String("EXTNAME", name);
        }

        if (options.Bunit is { } unit) cards.String("BUNIT", unit, "unit of the pixel values");
        if (options.Wcs is { } wcs) WriteWcs(cards, wcs);
        return cards.ToBlocks();
    }

    /// <summary>Greisen &amp; Calabretta 2002 (Paper I) §2.1: CTYPEi, CRPIXi, CRVALi, then CDi_j or CDELTi.</summary>
    private static void WriteWcs(FitsCardWriter cards, FitsWcsSpec wcs)
    {
        bool tan = wcs.Projection == FitsProjection.Gnomonic;
        cards.String("CTYPE1", tan ? "RA---TAN" : "RA")
            .String("CTYPE2", tan ? "DEC--TAN" : "DEC")
            .String("CUNIT1", "deg")
            .String("CUNIT2", "deg")
            .Real("CRPIX1", wcs.CrPix1)
            .Real("CRPIX2", wcs.CrPix2)
            .Real("CRVAL1", wcs.CrVal1Deg)
            .Real("CRVAL2", wcs.CrVal2Deg);
        if (wcs.AsCdelt)
        {
            if (wcs.Cd12 != 0 || wcs.Cd21 != 0) throw new ArgumentException("CDELT can only express a diagonal CD matrix", nameof(wcs));
            cards.Real("CDELT1", wcs.Cd11).Real("CDELT2", wcs.Cd22);
        }
        else
        {
            cards.Real("CD1_1", wcs.Cd11).Real("CD1_2", wcs.Cd12).Real("CD2_1", wcs.Cd21).Real("CD2_2", wcs.Cd22);
        }

        cards.String("RADESYS", "ICRS");
    }
}
