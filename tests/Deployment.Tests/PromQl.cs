using System.Text.RegularExpressions;

namespace StreamProcessor.Deployment.Tests;

/// <summary>
/// Just enough PromQL reading to find which series names and label names an expression uses, following the
/// grammar of https://prometheus.io/docs/prometheus/latest/querying/basics/ : a series name is an identifier that
/// is not a function or aggregation (those are followed by "("), not a keyword, and not inside a label matcher
/// {...}, a range [...] or a grouping clause by/without/on/ignoring/group_left/group_right (...).
/// Whether an expression parses at all is left to promtool (see GrafanaDashboardTests).
/// </summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan",
    };

    /// <summary>Series names the expression selects (Grafana variables such as $__rate_interval may appear).</summary>
    public static IReadOnlySet<string> SeriesNames(string expression)
    {
        string text = StringLiteral().Replace(expression, "\"\"");
        text = LabelMatchers().Replace(text, " ");
        text = RangeSelector().Replace(text, " ");
        text = GroupingClause().Replace(text, " ");

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match token in Identifier().Matches(text))
        {
            int before = token.Index - 1;
            if (before >= 0 && (char.IsAsciiDigit(text[before]) || text[before] is '.' or '$'))
            {
                continue; // part of a number (1e3, 5m) or a Grafana variable
            }

            int after = token.Index + token.Length;
            while (after < text.Length && char.IsWhiteSpace(text[after]))
            {
                after++;
            }

            bool isCall = after < text.Length && text[after] == '(';
            if (!isCall && !Keywords.Contains(token.Value))
            {
                names.Add(token.Value);
            }
        }

        return names;
    }

    /// <summary>Label names the expression groups by (by/without/on/ignoring/group_*) or matches on ({name=...}).</summary>
    public static IReadOnlySet<string> LabelNames(string expression)
    {
        string text = StringLiteral().Replace(expression, "\"\"");
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match clause in GroupingClause().Matches(text))
        {
            foreach (string label in clause.Groups["labels"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                labels.Add(label);
            }
        }

        foreach (Match matchers in LabelMatchers().Matches(text))
        {
            foreach (Match matcher in MatcherName().Matches(matchers.Value))
            {
                labels.Add(matcher.Groups["name"].Value);
            }
        }

        return labels;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex LabelMatchers();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangeSelector();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\((?<labels>[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex GroupingClause();

    [GeneratedRegex(@"[A-Za-z_:][A-Za-z0-9_:]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)")]
    private static partial Regex MatcherName();
}
