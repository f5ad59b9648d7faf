namespace StreamProcessor.Fits;

/// <summary>
/// The mandatory structure keywords of an HDU and the size of its data unit, which the reader needs even for HDUs it
/// skips: FITS 4.0 §4.4.1.1 eq. 1 (Nbits = |BITPIX| × GCOUNT × (PCOUNT + NAXIS1 × … × NAXISm)), eq. 2 for random
/// groups (NAXIS1 = 0, GROUPS = T, product from NAXIS2).
/// </summary>
internal sealed record FitsDataLayout(int Bitpix, long[] Axes, long DataBytes, string? Xtension)
{
    private static readonly int[] ValidBitpix = [8, 16, 32, 64, -32, -64];

    public static FitsDataLayout Of(FitsHeader header)
    {
        int hdu = header.HduIndex;
        long bitpix = header.RequiredInteger("BITPIX");
        if (Array.IndexOf(ValidBitpix, (int)Math.Clamp(bitpix, int.MinValue, int.MaxValue)) < 0)
        {
            throw new FitsFormatException($"HDU {hdu}: BITPIX = {bitpix} is not supported (FITS 4.0 §4.4.1.1 allows 8, 16, 32, 64, -32, -64)");
        }

        long naxis = header.RequiredInteger("NAXIS");
        if (naxis is < 0 or > 999)
        {
            throw new FitsFormatException($"HDU {hdu}: NAXIS = {naxis} is outside 0–999 (FITS 4.0 §4.4.1.1)");
        }

        var axes = new long[naxis];
        for (int i = 0; i < naxis; i++)
        {
            axes[i] = header.RequiredInteger($"NAXIS{i + 1}");
            if (axes[i] < 0) throw new FitsFormatException($"HDU {hdu}: NAXIS{i + 1} = {axes[i]} is negative");
        }

        string? xtension = hdu == 0 ? null : header.OptionalString("XTENSION")?.Trim();
        bool groups = hdu == 0 && naxis > 0 && axes[0] == 0 && header.OptionalLogical("GROUPS") == true;
        long pcount = hdu == 0 && !groups ? 0 : header.OptionalInteger("PCOUNT") ?? 0;
        long gcount = hdu == 0 && !groups ? 1 : header.OptionalInteger("GCOUNT") ?? 1;
        if (pcount < 0 || gcount < 0) throw new FitsFormatException($"HDU {hdu}: PCOUNT = {pcount}, GCOUNT = {gcount}; neither may be negative");

        long dataBytes;
        try
        {
            long elements = naxis == 0 ? 0 : 1;
            for (int i = groups ? 1 : 0; i < naxis; i++) elements = checked(elements * axes[i]);
            dataBytes = naxis == 0 ? 0 : checked(Math.Abs(bitpix) / 8 * gcount * (pcount + elements));
        }
        catch (OverflowException)
        {
            throw new FitsFormatException($"HDU {hdu}: the axis lengths NAXISn = [{string.Join(", ", axes)}] give a data size beyond 2^63 bytes");
        }

        return new FitsDataLayout((int)bitpix, axes, dataBytes, xtension);
    }
}
