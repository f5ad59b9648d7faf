using System.Text;

namespace StreamProcessor.Fits.Tests;

/// <summary>
/// The reader must never throw anything but <see cref="FitsFormatException"/>, whatever the bytes: byte flips, every
/// 80th truncation, and card rewrites (nasty values, swapped keywords) of valid files, as tests/Contracts.Tests/FuzzTests
/// does for the Arrow decoders. Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] NastyValues =
    [
        "0", "-1", "1", "2", "3", "999", "1000", "16384", "16385", "2147483648", "-9223372036854775808", "99999999999999999999",
        "1E400", "-1E-400", "8", "16", "-32", "-64", "64", "T", "F", "'IMAGE'", "'BINTABLE'", "'RA---TAN'", "'DEC--SIN'",
        "'unterminated", "''", "", "/ only a comment", "(1.0, 2.0)", "1.5", "-0.0", "NaN",
    ];

    private static readonly string[] Keywords =
    [
        "SIMPLE", "XTENSION", "BITPIX", "NAXIS", "NAXIS1", "NAXIS2", "NAXIS3", "PCOUNT", "GCOUNT", "GROUPS", "END", "BSCALE", "BZERO",
        "BLANK", "BUNIT", "EXTNAME", "CTYPE1", "CTYPE2", "CRPIX1", "CRPIX2", "CRVAL1", "CRVAL2", "CDELT1", "CDELT2", "CD1_1", "CD2_2",
        "PC1_2", "CROTA2", "LONPOLE",
    ];

    public static TheoryData<string> Bases => ["scaled-int16-tan", "extension-float-cdelt", "table-then-image"];

    private static byte[] Base(string name) => name switch
    {
        "scaled-int16-tan" => FitsBytes.Build(
            [.. new[] { ("SIMPLE", "T"), ("BITPIX", "16"), ("NAXIS", "2"), ("NAXIS1", "6"), ("NAXIS2", "4"), ("BSCALE", "0.5"), ("BZERO", "32768"),
                ("BLANK", "-32768"), ("BUNIT", "'cm-2'"), ("CTYPE1", "'RA---TAN'"), ("CTYPE2", "'DEC--TAN'"), ("CRPIX1", "3.5"), ("CRPIX2", "2.5"),
                ("CRVAL1", "10.0"), ("CRVAL2", "-20.0"), ("CD1_1", "-1.0E-3"), ("CD2_2", "1.0E-3") }.Select(c => FitsBytes.Card(c.Item1, c.Item2))],
            [.. Enumerable.Range(0, 48).Select(i => (byte)(i * 37))]),
        "extension-float-cdelt" => FitsWriter.Write([.. Enumerable.Range(0, 35).Select(i => (float)i)], 7, 5,
            new FitsWriteOptions { Bunit = "x", AsImageExtension = true, ExtName = "SB", Wcs = FitsWcsSpec.CentredTan(7, 5, 1, 2, 3) with { AsCdelt = true } }),
        _ => [.. FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "0")]),
            .. FitsBytes.Build([FitsBytes.Card("XTENSION", "'BINTABLE'"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "2"),
                FitsBytes.Card("NAXIS1", "8"), FitsBytes.Card("NAXIS2", "3"), FitsBytes.Card("PCOUNT", "0"), FitsBytes.Card("GCOUNT", "1")], new byte[24]),
            .. FitsWriter.Write([1f, 2f, 3f, 4f], 2, 2, new FitsWriteOptions { AsImageExtension = true })[2880..]],
    };

    private static void ReadsOrRejects(byte[] bytes, string what)
    {
        try
        {
            var image = FitsReader.Read(bytes);
            Assert.Equal((long)image.Width * image.Height, image.Pixels.LongLength);
        }
        catch (FitsFormatException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{what} escaped FitsReader as {e.GetType().Name}: {e.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Every_80th_truncation_only_ever_raises_a_format_error(string name)
    {
        byte[] valid = Base(name);
        FitsReader.Read(valid);
        for (int length = 0; length < valid.Length; length += 80) ReadsOrRejects(valid[..length], $"{name} truncated to {length} bytes");
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Byte_flips_only_ever_raise_a_format_error(string name)
    {
        byte[] valid = Base(name);
        var random = new Random(24680);
        for (int trial = 0; trial < 1500; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            // Headers hold the structure: flip there more often (the first 2880 bytes, or the whole file).
            int limit = trial % 2 == 0 ? 2880 : bytes.Length;
            for (int flips = 1 + (trial % 3); flips > 0; flips--)
            {
                int at = random.Next(limit);
                bytes[at] = trial % 5 == 0 ? (byte)random.Next(0x20, 0x7F) : (byte)(bytes[at] ^ (1 << random.Next(8)));
            }

            ReadsOrRejects(bytes, $"{name} byte flip trial {trial}");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Card_rewrites_only_ever_raise_a_format_error(string name)
    {
        byte[] valid = Base(name);
        int[] cardStarts = [.. Enumerable.Range(0, valid.Length / 80).Select(i => i * 80).Where(at => valid[at] != (byte)' ')];
        var random = new Random(13579);
        for (int trial = 0; trial < 1500; trial++)
        {
            byte[] bytes = (byte[])valid.Clone();
            int at = cardStarts[random.Next(cardStarts.Length)];
            string keyword = trial % 3 == 0 ? Keywords[random.Next(Keywords.Length)] : Encoding.ASCII.GetString(bytes, at, 8).TrimEnd();
            string value = trial % 3 == 1 ? Encoding.ASCII.GetString(bytes, at + 10, 70).Trim() : NastyValues[random.Next(NastyValues.Length)];
            string card = keyword == "END" && trial % 2 == 0 ? "END" : FitsBytes.Card(keyword, value);
            Encoding.ASCII.GetBytes(card.PadRight(80)[..80]).CopyTo(bytes, at);
            ReadsOrRejects(bytes, $"{name} card rewrite trial {trial}: '{card}' at byte {at}");
        }
    }
}
