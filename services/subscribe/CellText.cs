using System.Globalization;

namespace StreamProcessor.SubscribeCli;

/// <summary>Text of one flattened value (<see cref="StreamProcessor.Contracts.Arrow.ArrowRows"/>) for CSV and tables.</summary>
public static class CellText
{
    /// <summary>ISO 8601 UTC with milliseconds, the precision of every timestamp in the contracts.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Invariant text; lists as "[a,b,null]"; null as the empty string.</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture),
        object?[] list => List(list, Format),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// As <see cref="Format"/> for a person reading a table: a long list summarised ("[120 values]"), numbers to 6
    /// significant digits (CSV and files keep every digit).
    /// </summary>
    public static string Short(object? value, int maxListItems = 4) => value switch
    {
        object?[] list when list.Length > maxListItems => $"[{list.Length} values]",
        object?[] list => List(list, e => Short(e)),
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        _ => Format(value),
    };

    private static string List(object?[] list, Func<object?, string> element) =>
        "[" + string.Join(",", list.Select(e => e is null ? "null" : element(e))) + "]";
}
