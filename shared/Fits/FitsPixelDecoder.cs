using System.Buffers.Binary;

namespace StreamProcessor.Fits;

/// <summary>
/// Big-endian array values → physical values (FITS 4.0 §5.2–5.3: two's-complement integers, except BITPIX 8 which is
/// unsigned; IEEE-754 floats), then physical = BZERO + BSCALE × raw (§4.4.2.5). An integer equal to BLANK becomes NaN;
/// BLANK applies to integer arrays only (§4.4.2.5), floating-point arrays mark undefined pixels with NaN themselves.
/// </summary>
internal static class FitsPixelDecoder
{
    public static double[] Decode(ReadOnlySpan<byte> data, int bitpix, long pixelCount, double bscale, double bzero, long? blank)
    {
        var pixels = new double[pixelCount];
        for (long i = 0; i < pixelCount; i++)
        {
            int at = checked((int)(i * (Math.Abs(bitpix) / 8)));
            double value = bitpix switch
            {
                8 => Integer(data[at], blank),
                16 => Integer(BinaryPrimitives.ReadInt16BigEndian(data[at..]), blank),
                32 => Integer(BinaryPrimitives.ReadInt32BigEndian(data[at..]), blank),
                64 => Integer(BinaryPrimitives.ReadInt64BigEndian(data[at..]), blank),
                -32 => BinaryPrimitives.ReadSingleBigEndian(data[at..]),
                _ => BinaryPrimitives.ReadDoubleBigEndian(data[at..]),
            };
            pixels[i] = bzero + (bscale * value);
        }

        return pixels;
    }

    private static double Integer(long raw, long? blank) => raw == blank ? double.NaN : raw;
}
