using System.Text;

namespace StreamProcessor.Fits.Tests;

/// <summary>Hand-built FITS files for malformed-input tests: cards as text (padded to 80), END, block padding, data.</summary>
internal static class FitsBytes
{
    public static byte[] Build(IEnumerable<string> cards, byte[]? data = null, bool end = true, bool padData = true)
    {
        var header = new StringBuilder();
        foreach (string card in cards) header.Append(card.PadRight(80)[..80]);
        if (end) header.Append("END".PadRight(80));
        int headerLength = (header.Length + 2879) / 2880 * 2880;
        byte[] headerBytes = Encoding.ASCII.GetBytes(header.ToString().PadRight(headerLength));
        data ??= [];
        int dataLength = padData ? (data.Length + 2879) / 2880 * 2880 : data.Length;
        var file = new byte[headerBytes.Length + dataLength];
        headerBytes.CopyTo(file, 0);
        data.CopyTo(file, headerBytes.Length);
        return file;
    }

    public static string Card(string keyword, string value) => $"{keyword,-8}= {value,20}";

    /// <summary>A valid 4 × 3 BITPIX 16 image with the given cards replacing or adding to the defaults.</summary>
    public static byte[] Image16(params (string Keyword, string Value)[] overrides)
    {
        var cards = new List<(string Keyword, string Value)>
        {
            ("SIMPLE", "T"), ("BITPIX", "16"), ("NAXIS", "2"), ("NAXIS1", "4"), ("NAXIS2", "3"),
        };
        foreach (var (keyword, value) in overrides)
        {
            int at = cards.FindIndex(c => c.Keyword == keyword);
            if (at >= 0) cards[at] = (keyword, value);
            else cards.Add((keyword, value));
        }

        return Build(cards.Where(c => c.Value != "<remove>").Select(c => Card(c.Keyword, c.Value)), new byte[4 * 3 * 2]);
    }
}
