using System.Globalization;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// The derived column "interval_68" of a posterior: the full posterior's central 68 % interval of its first parameter
/// ("14.41–14.75", the 16 % and 84 % quantiles), so a table of posteriors.mass shows what the posterior head says beside
/// the moment network's mean ± σ. Empty when the record carries no such quantiles (a Gaussian-only posterior).
/// </summary>
public static class CredibleInterval
{
    public const string Column = "interval_68";

    /// <summary>Whether <paramref name="schema"/> has the lists the interval reads.</summary>
    public static bool AppliesTo(MessageSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return names.Contains("quantile_levels") && names.Contains("quantiles");
    }

    /// <summary>"low–high" of the first parameter; empty without the 0.16 and 0.84 levels.</summary>
    public static string Of(IReadOnlyDictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.GetValueOrDefault("quantile_levels") is not object?[] levels || row.GetValueOrDefault("quantiles") is not object?[] quantiles)
        {
            return "";
        }

        int low = Array.FindIndex(levels, l => l is double d && Math.Abs(d - 0.16) < 1e-9);
        int high = Array.FindIndex(levels, l => l is double d && Math.Abs(d - 0.84) < 1e-9);
        return low >= 0 && high >= 0 && high < quantiles.Length
            ? string.Create(CultureInfo.InvariantCulture, $"{quantiles[low]:G4}–{quantiles[high]:G4}")
            : "";
    }
}
