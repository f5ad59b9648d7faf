using System.Globalization;
using System.Text;

namespace StreamProcessor.Fits;

/// <summary>
/// Parses one 80-byte card (FITS 4.0 §4.1–4.2): keyword in bytes 1–8, the value indicator "= " in bytes 9–10, then a
/// value in free or fixed format and an optional "/ comment". Strictness is deliberate: a number that does not follow
/// the §4.2.3–4.2.4 grammar is refused rather than guessed at (.NET alone would also accept "NaN", "Infinity", "1,5").
/// </summary>
internal static class FitsCardParser
{
    public const int CardBytes = 80;

    public static FitsCard Parse(ReadOnlySpan<byte> card, int hduIndex, int cardIndex)
    {
        foreach (byte b in card)
        {
            // FITS 4.0 §4.1.1: header cards are restricted to the ASCII text characters 0x20–0x7E.
            if (b is < 0x20 or > 0x7E)
            {
                throw new FitsFormatException($"HDU {hduIndex} card {cardIndex + 1}: byte 0x{b:X2} is not printable ASCII (FITS 4.0 §4.1.1); not a FITS header");
            }
        }

        string text = Encoding.ASCII.GetString(card);
        string keyword = text[..8].TrimEnd(' ');
        CheckKeyword(keyword, hduIndex, cardIndex);
        string where = $"HDU {hduIndex} card {cardIndex + 1} ({keyword})";
        // FITS 4.0 §4.1.2.2: without "= " in bytes 9–10 the rest of the card is commentary text (COMMENT, HISTORY, blank).
        if (text[8..10] != "= " || keyword.Length == 0)
        {
            return new FitsCard(keyword, null, text[8..].TrimEnd(' '), HasValue: false);
        }

        var (value, comment) = ParseValueField(text[10..], where);
        return new FitsCard(keyword, value, comment, HasValue: true);
    }

    private static void CheckKeyword(string keyword, int hduIndex, int cardIndex)
    {
        // FITS 4.0 §4.1.2.1: upper-case letters, digits, hyphen and underscore, left-justified, no embedded blanks.
        foreach (char c in keyword)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_'))
            {
                throw new FitsFormatException($"HDU {hduIndex} card {cardIndex + 1}: keyword '{keyword}' has a character outside A–Z, 0–9, '-', '_' (FITS 4.0 §4.1.2.1)");
            }
        }
    }

    private static (object? Value, string? Comment) ParseValueField(string field, string where)
    {
        string trimmed = field.TrimStart(' ');
        if (trimmed.Length == 0) return (null, null);
        if (trimmed[0] == '/') return (null, trimmed[1..].Trim());
        if (trimmed[0] == '\'') return ParseString(trimmed, where);

        int slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        string token = (slash >= 0 ? trimmed[..slash] : trimmed).TrimEnd(' ');
        string? comment = slash >= 0 ? trimmed[(slash + 1)..].Trim() : null;
        return (ParseToken(token, where), comment);
    }

    /// <summary>FITS 4.0 §4.2.1.1: a string is enclosed in single quotes, a quote inside it is written '', and trailing
    /// blanks are not significant (leading ones are).</summary>
    private static (object? Value, string? Comment) ParseString(string field, string where)
    {
        var value = new StringBuilder();
        int i = 1;
        while (true)
        {
            if (i >= field.Length) throw new FitsFormatException($"{where}: string value has no closing quote");
            if (field[i] == '\'')
            {
                if (i + 1 < field.Length && field[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                break;
            }

            value.Append(field[i]);
            i++;
        }

        string rest = field[(i + 1)..].Trim(' ');
        if (rest.Length > 0 && rest[0] != '/')
        {
            throw new FitsFormatException($"{where}: unexpected text \"{rest}\" after the string value (a comment starts with '/')");
        }

        return (value.ToString().TrimEnd(' '), rest.Length > 0 ? rest[1..].Trim() : null);
    }

    private static object ParseToken(string token, string where)
    {
        if (token == "T") return true;
        if (token == "F") return false;
        // FITS 4.0 §4.2.5–4.2.6: complex values "(re, im)"; kept as text, nothing here reads them.
        if (token.StartsWith('(') && token.EndsWith(')')) return token;
        if (IsInteger(token))
        {
            return long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer)
                ? (object)integer
                : double.Parse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        if (IsReal(token))
        {
            // FITS 4.0 §4.2.4: 'D' marks a double-precision exponent; the value is the same number.
            string normal = token.Replace('D', 'E').Replace('d', 'E');
            return double.Parse(normal, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        throw new FitsFormatException($"{where}: value \"{token}\" is not a logical, integer, real or quoted string (FITS 4.0 §4.2)");
    }

    /// <summary>FITS 4.0 §4.2.3: optional sign, then decimal digits.</summary>
    private static bool IsInteger(string token)
    {
        int start = token.Length > 0 && token[0] is '+' or '-' ? 1 : 0;
        if (start == token.Length) return false;
        for (int i = start; i < token.Length; i++)
        {
            if (!char.IsAsciiDigit(token[i])) return false;
        }

        return true;
    }

    /// <summary>FITS 4.0 §4.2.4: [sign] digits [. [digits]] or [sign] . digits, then optionally E or D, [sign], digits
    /// (lower-case e/d accepted as well).</summary>
    private static bool IsReal(string token)
    {
        int i = token.Length > 0 && token[0] is '+' or '-' ? 1 : 0;
        int digits = 0;
        while (i < token.Length && char.IsAsciiDigit(token[i])) { i++; digits++; }
        if (i < token.Length && token[i] == '.')
        {
            i++;
            while (i < token.Length && char.IsAsciiDigit(token[i])) { i++; digits++; }
        }

        if (digits == 0) return false;
        if (i == token.Length) return true;
        if (token[i] is not ('E' or 'D' or 'e' or 'd')) return false;
        i++;
        if (i < token.Length && token[i] is '+' or '-') i++;
        int exponentDigits = 0;
        while (i < token.Length && char.IsAsciiDigit(token[i])) { i++; exponentDigits++; }
        return exponentDigits > 0 && i == token.Length;
    }
}
