using System.Globalization;
using System.Text;

namespace StreamProcessor.Fits;

/// <summary>
/// Writes header cards in the fixed format of FITS 4.0 §4.2 (values right-justified to byte 30, strings from byte 11
/// with at least 8 characters inside the quotes), padded with blanks to whole 2880-byte blocks (§4.4.1).
/// </summary>
internal sealed class FitsCardWriter
{
    private readonly StringBuilder _header = new();

    public FitsCardWriter Logical(string keyword, bool value, string? comment = null) => Card(keyword, (value ? "T" : "F").PadLeft(20), comment);

    public FitsCardWriter Integer(string keyword, long value, string? comment = null) =>
        Card(keyword, value.ToString(CultureInfo.InvariantCulture).PadLeft(20), comment);

    public FitsCardWriter Real(string keyword, double value, string? comment = null)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, $"{keyword} must be finite");
        // Shortest round-trip text; FITS 4.0 §4.2.4 wants a decimal point or an exponent for a real, and an upper-case E.
        string text = value.ToString("R", CultureInfo.InvariantCulture).ToUpperInvariant();
        if (!text.Contains('.', StringComparison.Ordinal))
        {
            int e = text.IndexOf('E', StringComparison.Ordinal);
            text = e < 0 ? text + ".0" : text[..e] + ".0" + text[e..];
        }

        return Card(keyword, text.PadLeft(20), comment);
    }

    public FitsCardWriter String(string keyword, string value, string? comment = null)
    {
        CheckText(value, keyword);
        string quoted = "'" + value.Replace("'", "''", StringComparison.Ordinal).PadRight(8) + "'";
        if (quoted.Length > 70) throw new ArgumentException($"{keyword} value is too long for one card (68 characters at most)", nameof(value));
        return Card(keyword, quoted.PadRight(20), comment);
    }

    /// <summary>The header text ending with END, blank-padded to whole blocks.</summary>
    public byte[] ToBlocks()
    {
        _header.Append("END".PadRight(FitsCardParser.CardBytes));
        long length = FitsHeaderReader.PadToBlock(_header.Length);
        return Encoding.ASCII.GetBytes(_header.ToString().PadRight((int)length));
    }

    private FitsCardWriter Card(string keyword, string value, string? comment)
    {
        string card = keyword.PadRight(8) + "= " + value;
        if (comment is not null)
        {
            CheckText(comment, keyword);
            card += " / " + comment;
        }

        _header.Append(card.Length > FitsCardParser.CardBytes ? card[..FitsCardParser.CardBytes] : card.PadRight(FitsCardParser.CardBytes));
        return this;
    }

    private static void CheckText(string text, string keyword)
    {
        // FITS 4.0 §4.1.1: header text is printable ASCII.
        if (text.Any(c => c is < ' ' or > '~')) throw new ArgumentException($"{keyword}: FITS header text must be printable ASCII, got \"{text}\"");
    }
}
