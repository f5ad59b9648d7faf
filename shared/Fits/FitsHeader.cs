using System.Globalization;

namespace StreamProcessor.Fits;

/// <summary>
/// The cards of one header unit and the value of each keyword. A keyword that appears twice keeps its first value in
/// <see cref="Values"/> (astropy's <c>header[key]</c> does the same); commentary cards are only in <see cref="Cards"/>.
/// The typed getters throw <see cref="FitsFormatException"/> naming the keyword, so a malformed mandatory value is
/// reported as such rather than as a cast error.
/// </summary>
public sealed class FitsHeader
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    internal FitsHeader(int hduIndex, IReadOnlyList<FitsCard> cards)
    {
        HduIndex = hduIndex;
        Cards = cards;
        foreach (var card in cards)
        {
            if (card.HasValue) _values.TryAdd(card.Keyword, card.Value);
        }
    }

    /// <summary>0 for the primary HDU, n for the n-th extension.</summary>
    public int HduIndex { get; }

    public IReadOnlyList<FitsCard> Cards { get; }

    /// <summary>Keyword → value of every value card (first occurrence).</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    public bool Contains(string keyword) => _values.ContainsKey(keyword);

    /// <summary>The value of a mandatory integer keyword (FITS 4.0 §4.4.1).</summary>
    public long RequiredInteger(string keyword) =>
        OptionalInteger(keyword) ?? throw new FitsFormatException($"HDU {HduIndex}: missing required keyword {keyword}");

    public long? OptionalInteger(string keyword) => _values.TryGetValue(keyword, out var value) switch
    {
        false => null,
        true when value is long integer => integer,
        _ => throw new FitsFormatException($"HDU {HduIndex}: {keyword} must be an integer, found {Describe(value)}"),
    };

    /// <summary>A real keyword; an integer value is accepted (FITS 4.0 §4.2.4 lets a real be written without a point).</summary>
    public double? OptionalReal(string keyword)
    {
        if (!_values.TryGetValue(keyword, out var value)) return null;
        double real = value switch
        {
            long integer => integer,
            double d => d,
            _ => throw new FitsFormatException($"HDU {HduIndex}: {keyword} must be a number, found {Describe(value)}"),
        };
        if (!double.IsFinite(real)) throw new FitsFormatException($"HDU {HduIndex}: {keyword} = {Describe(value)} is not a finite number");
        return real;
    }

    public string? OptionalString(string keyword) => _values.TryGetValue(keyword, out var value) switch
    {
        false => null,
        true when value is string text => text,
        _ => throw new FitsFormatException($"HDU {HduIndex}: {keyword} must be a character string, found {Describe(value)}"),
    };

    public bool? OptionalLogical(string keyword) => _values.TryGetValue(keyword, out var value) switch
    {
        false => null,
        true when value is bool logical => logical,
        _ => throw new FitsFormatException($"HDU {HduIndex}: {keyword} must be a logical (T or F), found {Describe(value)}"),
    };

    internal static string Describe(object? value) => value switch
    {
        null => "an undefined value",
        string s => $"the string '{s}'",
        bool b => b ? "T" : "F",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };
}
