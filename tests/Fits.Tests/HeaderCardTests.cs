using System.Text;

namespace StreamProcessor.Fits.Tests;

/// <summary>Card values as FITS 4.0 §4.2 defines them: strings with '' escapes, logicals, integers, reals with D exponents, comments.</summary>
public sealed class HeaderCardTests
{
    private static FitsCard Parse(string card) => FitsCardParser.Parse(Encoding.ASCII.GetBytes(card.PadRight(80)), 0, 0);

    [Fact]
    public void A_string_unescapes_doubled_quotes_keeps_leading_blanks_and_drops_trailing_ones()
    {
        var card = Parse("OBSERVER= ' O''Brien   ' / who");

        Assert.Equal((" O'Brien", "who"), ((string)card.Value!, card.Comment));
    }

    [Fact]
    public void An_empty_string_and_an_undefined_value_differ()
    {
        Assert.Equal("", Parse("EMPTY   = ''").Value);
        Assert.Null(Parse("UNDEF   =          / nothing").Value);
        Assert.True(Parse("UNDEF   =          / nothing").HasValue);
    }

    [Theory]
    [InlineData("SIMPLE  =                    T", true)]
    [InlineData("FLAG    = F / free format", false)]
    [InlineData("NAXIS1  =                 -12", -12L)]
    [InlineData("BIG     = 99999999999999999999", 1e20)]
    [InlineData("BSCALE  =                 1.5", 1.5)]
    [InlineData("CD1_1   = -1.1111111111111D-03", -1.1111111111111e-3)]
    [InlineData("CRVAL1  = .5E+2 / a real", 50.0)]
    [InlineData("CRVAL2  = 3. ", 3.0)]
    public void Logical_integer_and_real_values_parse_to_their_types(string text, object expected)
    {
        Assert.Equal(expected, Parse(text).Value);
    }

    [Fact]
    public void A_card_without_a_value_indicator_is_commentary()
    {
        var comment = Parse("COMMENT   = not a value");
        var history = Parse("HISTORY written by astropy");

        Assert.Equal((false, "  = not a value"), (comment.HasValue, comment.Comment));
        Assert.Equal((false, "written by astropy"), (history.HasValue, history.Comment));
    }

    [Fact]
    public void The_first_occurrence_of_a_repeated_keyword_is_its_value()
    {
        var image = FitsReader.Read(FitsBytes.Build(
            [FitsBytes.Card("SIMPLE", "T"), FitsBytes.Card("BITPIX", "8"), FitsBytes.Card("NAXIS", "2"), FitsBytes.Card("NAXIS1", "1"), FitsBytes.Card("NAXIS2", "1"),
             FitsBytes.Card("BUNIT", "'first'"), FitsBytes.Card("BUNIT", "'second'"), "COMMENT hello"],
            [7]));

        Assert.Equal("first", image.Bunit);
        Assert.Equal(2, image.Header.Cards.Count(c => c.Keyword == "BUNIT"));
        Assert.Equal(7.0, Assert.Single(image.Pixels));
    }
}
