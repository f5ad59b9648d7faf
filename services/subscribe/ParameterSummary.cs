using System.Globalization;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// The derived column "parameters" of a posterior: its first few parameters as "name mean±sigma", so a table of a
/// 28-parameter topic (posteriors.params) reads on a terminal, where the three parallel lists would show as
/// "[28 values]". Available for --columns on any schema with parameter_names, mean and sigma.
/// </summary>
public static class ParameterSummary
{
    public const string Column = "parameters";

    /// <summary>Parameters shown before the count of the rest.</summary>
    public const int Shown = 3;

    /// <summary>Whether <paramref name="schema"/> has the lists the summary reads.</summary>
    public static bool AppliesTo(MessageSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return names.Contains("parameter_names") && names.Contains("mean") && names.Contains("sigma");
    }

    /// <summary>"Omega0 0.312±0.0405, sigma8 0.81±0.03, ... (+25 more)"; empty for a posterior without parameters (a rejected one).</summary>
    public static string Of(IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.GetValueOrDefault("parameter_names") is not object?[] names || row.GetValueOrDefault("mean") is not object?[] mean
            || row.GetValueOrDefault("sigma") is not object?[] sigma)
        {
            return "";
        }

        var shown = Enumerable.Range(0, Math.Min(Shown, names.Length))
            .Select(i => string.Create(CultureInfo.InvariantCulture, $"{names[i]} {mean[i]:G3}±{sigma[i]:G2}"));
        string rest = names.Length > Shown ? $", ... (+{names.Length - Shown} more)" : "";
        return string.Join(", ", shown) + rest;
    }
}
