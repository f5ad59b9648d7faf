namespace StreamProcessor.Fits;

/// <summary>
/// Reads one 2D image from a FITS file (FITS 4.0, https://fits.gsfc.nasa.gov/fits_standard.html): the primary HDU, or
/// when the primary has no data (NAXIS = 0) the first IMAGE extension (§7.1), or the HDU named by
/// <see cref="FitsReadOptions"/>. Malformed input raises only <see cref="FitsFormatException"/>.
/// </summary>
public static class FitsReader
{
    /// <exception cref="FitsFormatException">The bytes are not a readable 2D FITS image; the message says why.</exception>
    public static FitsImage Read(byte[] file, FitsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= FitsReadOptions.Default;
        if (file.Length < FitsHeaderReader.BlockBytes)
        {
            throw new FitsFormatException($"the file is {file.Length} bytes, shorter than one {FitsHeaderReader.BlockBytes}-byte FITS block (FITS 4.0 §3.1)");
        }

        long offset = 0;
        for (int hdu = 0; ; hdu++)
        {
            var (header, dataOffset) = FitsHeaderReader.Read(file, offset, hdu);
            var layout = FitsDataLayout.Of(header);
            if (IsWanted(header, layout, options)) return FitsImageDecoder.Decode(file, header, layout, dataOffset, options);

            if (layout.DataBytes > file.Length - dataOffset)
            {
                throw new FitsFormatException($"HDU {hdu}: truncated data: its data unit of {layout.DataBytes} bytes runs past the end of the file ({file.Length - dataOffset} bytes left)");
            }

            long next = dataOffset + FitsHeaderReader.PadToBlock(layout.DataBytes);
            // FITS 4.0 §3.5: bytes after the last HDU that do not start an extension are special records or padding.
            // A partial block that starts with XTENSION is a truncated extension: its header reader says so.
            if (next > file.Length - 8 || !StartsExtension(file, next))
            {
                throw new FitsFormatException(NotFound(options, hdu + 1));
            }

            offset = next;
        }
    }

    /// <exception cref="FitsFormatException">The bytes are not a readable 2D FITS image.</exception>
    public static FitsImage Read(Stream stream, FitsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray(), options);
    }

    /// <exception cref="FitsFormatException">The file is not a readable 2D FITS image.</exception>
    /// <exception cref="IOException">The file cannot be read (not a format problem).</exception>
    public static FitsImage Read(string path, FitsReadOptions? options = null) => Read(File.ReadAllBytes(path), options);

    private static bool IsWanted(FitsHeader header, FitsDataLayout layout, FitsReadOptions options)
    {
        int hdu = header.HduIndex;
        if (options.HduIndex is { } index) return hdu == index;
        if (options.ExtName is { } name)
        {
            return layout.Xtension == "IMAGE" && string.Equals(header.OptionalString("EXTNAME")?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase);
        }

        // The first HDU with pixels: an empty IMAGE extension (NAXIS = 0) is passed over like an empty primary.
        return layout.Axes.Length > 0 && (hdu == 0 || layout.Xtension == "IMAGE");
    }

    private static bool StartsExtension(byte[] file, long offset) =>
        file.AsSpan((int)offset, 8).SequenceEqual("XTENSION"u8);

    private static string NotFound(FitsReadOptions options, int hduCount) => options switch
    {
        { HduIndex: { } index } => $"HDU {index} does not exist: the file has {hduCount} HDUs",
        { ExtName: { } name } => $"no IMAGE extension with EXTNAME '{name}' among the file's {hduCount} HDUs",
        _ => $"the primary HDU has no data (NAXIS = 0) and none of the file's {hduCount} HDUs is an IMAGE extension",
    };
}
