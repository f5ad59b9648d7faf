namespace StreamProcessor.Fits;

/// <summary>
/// The selected HDU → <see cref="FitsImage"/>: checks that it is a 2D image within the caps, that the data unit holds
/// every pixel, then decodes the pixels and reads BUNIT and the WCS.
/// </summary>
internal static class FitsImageDecoder
{
    public static FitsImage Decode(byte[] file, FitsHeader header, FitsDataLayout layout, long dataOffset, FitsReadOptions options)
    {
        int hdu = header.HduIndex;
        if (hdu > 0 && layout.Xtension != "IMAGE")
        {
            throw new FitsFormatException($"HDU {hdu} is a {layout.Xtension} extension, not an IMAGE (FITS 4.0 §7)");
        }

        if (hdu > 0)
        {
            // FITS 4.0 §7.1.1: an IMAGE extension has PCOUNT = 0 and GCOUNT = 1.
            long pcount = header.RequiredInteger("PCOUNT");
            long gcount = header.RequiredInteger("GCOUNT");
            if (pcount != 0 || gcount != 1) throw new FitsFormatException($"HDU {hdu}: an IMAGE extension needs PCOUNT = 0 and GCOUNT = 1, found {pcount} and {gcount}");
        }

        var (width, height) = Dimensions(hdu, layout.Axes, options);
        long pixelCount = (long)width * height;
        int bytesPerPixel = Math.Abs(layout.Bitpix) / 8;
        long needed = pixelCount * bytesPerPixel;
        long available = Math.Max(0, file.Length - dataOffset);
        if (available < needed)
        {
            throw new FitsFormatException(
                $"HDU {hdu}: truncated data: the data unit holds {available} bytes, NAXIS1 × NAXIS2 × |BITPIX|/8 = {width} × {height} × {bytesPerPixel} = {needed}");
        }

        double bscale = header.OptionalReal("BSCALE") ?? 1.0;
        double bzero = header.OptionalReal("BZERO") ?? 0.0;
        long? blank = layout.Bitpix > 0 ? header.OptionalInteger("BLANK") : null;
        var pixels = FitsPixelDecoder.Decode(file.AsSpan((int)dataOffset, (int)needed), layout.Bitpix, pixelCount, bscale, bzero, blank);
        var (wcs, issue) = FitsWcsReader.Read(header, width, height);
        return new FitsImage
        {
            Width = width,
            Height = height,
            Pixels = pixels,
            Bitpix = layout.Bitpix,
            Header = header,
            Bunit = header.OptionalString("BUNIT"),
            Wcs = wcs,
            WcsIssue = issue,
        };
    }

    /// <summary>NAXIS must be 2; higher axes of length 1 (an image written as a one-plane cube, common for radio maps) are accepted.</summary>
    private static (int Width, int Height) Dimensions(int hdu, long[] axes, FitsReadOptions options)
    {
        if (axes.Length == 0) throw new FitsFormatException($"HDU {hdu} has no data (NAXIS = 0)");
        if (axes.Length == 1) throw new FitsFormatException($"HDU {hdu}: NAXIS = 1 (a 1D array of {axes[0]} values); a 2D image needs NAXIS = 2");
        for (int i = 2; i < axes.Length; i++)
        {
            if (axes[i] != 1)
            {
                throw new FitsFormatException(
                    $"HDU {hdu}: NAXIS = {axes.Length} with NAXIS{i + 1} = {axes[i]}: a cube, not a 2D image (NAXIS = 2, or higher axes of length 1)");
            }
        }

        for (int i = 0; i < 2; i++)
        {
            if (axes[i] < 1 || axes[i] > options.MaxAxisLength)
            {
                throw new FitsFormatException($"HDU {hdu}: NAXIS{i + 1} = {axes[i]} is outside 1–{options.MaxAxisLength} (FitsReadOptions.MaxAxisLength)");
            }
        }

        if (axes[0] * axes[1] > options.MaxPixels)
        {
            throw new FitsFormatException($"HDU {hdu}: NAXIS1 × NAXIS2 = {axes[0] * axes[1]} pixels exceed the cap of {options.MaxPixels} (FitsReadOptions.MaxPixels)");
        }

        return ((int)axes[0], (int)axes[1]);
    }
}
