using System.Text;

namespace StreamProcessor.Fits.Tests;

/// <summary>Every kind of malformed input raises <see cref="FitsFormatException"/> with a message that names the problem.</summary>
public sealed class MalformedInputTests
{
    private static string Reason(byte[] file, FitsReadOptions? options = null) =>
        Assert.Throws<FitsFormatException>(() => FitsReader.Read(file, options)).Message;

    [Fact]
    public void A_file_shorter_than_one_block_is_refused()
    {
        Assert.Contains("100 bytes, shorter than one 2880-byte FITS block", Reason(new byte[100]));
    }

    [Fact]
    public void Garbage_bytes_are_refused_as_not_fits()
    {
        var random = new byte[5760];
        new Random(3).NextBytes(random);
        byte[] text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("HELLO, WORLD! ", 500)));

        Assert.Contains("not SIMPLE: not a FITS file", Reason(random));
        Assert.Contains("the first card starts with 'HELLO, W', not SIMPLE: not a FITS file", Reason(text));
    }

    [Fact]
    public void A_header_without_an_end_card_is_refused_as_truncated()
    {
        byte[] noEnd = FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "0")], end: false);
        byte[] longHeader = FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), .. Enumerable.Range(0, 40).Select(i => FitsBytes.Card($"KEY{i}", "1"))]);

        Assert.Contains("HDU 0: no END card before the end of the file after 36 cards (truncated header", Reason(noEnd));
        Assert.Contains("no END card before the end of the file after 36 cards (truncated header", Reason(longHeader[..2880]));
    }

    [Theory]
    [InlineData("1", "NAXIS = 1 (a 1D array of 4 values); a 2D image needs NAXIS = 2")]
    [InlineData("3", "NAXIS = 3 with NAXIS3 = 2: a cube, not a 2D image")]
    [InlineData("0", "the primary HDU has no data (NAXIS = 0) and none of the file's 1 HDUs is an IMAGE extension")]
    public void A_header_that_is_not_a_2d_image_is_refused_saying_what_naxis_is(string naxis, string reason)
    {
        Assert.Contains(reason, Reason(FitsBytes.Image16(("NAXIS", naxis), ("NAXIS3", "2"))));
    }

    [Fact]
    public void A_one_plane_cube_is_read_as_a_2d_image()
    {
        var image = FitsReader.Read(FitsBytes.Image16(("NAXIS", "3"), ("NAXIS3", "1")));

        Assert.Equal((4, 3, 12), (image.Width, image.Height, image.Pixels.Length));
    }

    [Theory]
    [InlineData("NAXIS1", "100000", "NAXIS1 = 100000 is outside 1–16384 (FitsReadOptions.MaxAxisLength)")]
    [InlineData("NAXIS2", "0", "NAXIS2 = 0 is outside 1–16384")]
    [InlineData("NAXIS1", "-4", "NAXIS1 = -4 is negative")]
    [InlineData("BITPIX", "24", "BITPIX = 24 is not supported (FITS 4.0 §4.4.1.1 allows 8, 16, 32, 64, -32, -64)")]
    [InlineData("BITPIX", "'16'", "BITPIX must be an integer, found the string '16'")]
    [InlineData("NAXIS1", "4x", "value \"4x\" is not a logical, integer, real or quoted string")]
    [InlineData("BSCALE", "1.5.2", "value \"1.5.2\" is not a logical")]
    [InlineData("BZERO", "NaN", "value \"NaN\" is not a logical")]
    [InlineData("BSCALE", "1E999", "is not a finite number")]
    [InlineData("BLANK", "1.5", "BLANK must be an integer, found 1.5")]
    [InlineData("NAXIS2", "<remove>", "missing required keyword NAXIS2")]
    [InlineData("BITPIX", "<remove>", "missing required keyword BITPIX")]
    [InlineData("SIMPLE", "F", "SIMPLE = F: the file does not declare conformance")]
    [InlineData("BUNIT", "'cm-2", "string value has no closing quote")]
    [InlineData("BUNIT", "'cm-2' junk", "unexpected text \"junk\" after the string value")]
    public void A_bad_keyword_value_is_refused_naming_the_keyword(string keyword, string value, string reason)
    {
        Assert.Contains(reason, Reason(FitsBytes.Image16((keyword, value))));
    }

    [Fact]
    public void Axis_and_pixel_caps_are_configurable()
    {
        Assert.Contains("NAXIS1 = 4 is outside 1–3", Reason(FitsBytes.Image16(), new FitsReadOptions { MaxAxisLength = 3 }));
        Assert.Contains("NAXIS1 × NAXIS2 = 12 pixels exceed the cap of 10", Reason(FitsBytes.Image16(), new FitsReadOptions { MaxPixels = 10 }));
    }

    [Fact]
    public void Data_shorter_than_the_image_is_refused_as_truncated()
    {
        byte[] file = FitsWriter.Write(new float[20 * 10], 20, 10);

        Assert.Contains("HDU 0: truncated data: the data unit holds 100 bytes, NAXIS1 × NAXIS2 × |BITPIX|/8 = 20 × 10 × 4 = 800", Reason(file[..(2880 + 100)]));
        Assert.Contains("truncated data: the data unit holds 0 bytes", Reason(file[..2880]));
    }

    [Fact]
    public void A_truncated_data_unit_before_the_wanted_extension_is_refused_as_truncated()
    {
        byte[] file = FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "1"), FitsBytes.Card("NAXIS1", "100000")], new byte[10]);

        Assert.Contains("HDU 0: truncated data: its data unit of 100000 bytes runs past the end of the file", Reason(file, new FitsReadOptions { HduIndex = 1 }));
    }

    [Fact]
    public void A_file_cut_inside_an_extension_header_is_refused_as_truncated()
    {
        byte[] file = FitsWriter.Write(new float[4], 2, 2, new FitsWriteOptions { AsImageExtension = true });

        Assert.Contains("HDU 1: no END card before the end of the file after 1 cards (truncated header", Reason(file[..(2880 + 100)]));
    }

    [Fact]
    public void An_empty_primary_without_an_image_extension_is_refused()
    {
        byte[] file = FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "0")]);

        Assert.Contains("the primary HDU has no data (NAXIS = 0) and none of the file's 1 HDUs is an IMAGE extension", Reason(file));
    }

    [Fact]
    public void An_image_extension_needs_pcount_and_gcount()
    {
        byte[] primary = FitsBytes.Build([FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "0")]);
        byte[] extension = FitsBytes.Build(
            [FitsBytes.Card("XTENSION", "'IMAGE   '"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "2"), FitsBytes.Card("NAXIS1", "2"), FitsBytes.Card("NAXIS2", "2")],
            new byte[4]);

        Assert.Contains("HDU 1: missing required keyword PCOUNT", Reason([.. primary, .. extension]));
    }

    [Fact]
    public void A_non_ascii_byte_in_a_header_is_refused()
    {
        byte[] file = FitsBytes.Image16(("BUNIT", "'cm-2'"));
        file[5 * 80 + 12] = 0xE9;

        Assert.Contains("HDU 0 card 6: byte 0xE9 is not printable ASCII", Reason(file));
    }

    [Fact]
    public void A_keyword_with_lower_case_letters_is_refused()
    {
        Assert.Contains("keyword 'bunit' has a character outside A–Z", Reason(FitsBytes.Image16(("bunit", "'x'"))));
    }
}
