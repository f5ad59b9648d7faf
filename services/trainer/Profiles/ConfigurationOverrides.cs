using System.Globalization;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// Hand-set entries of a network configuration (<c>profiles train --set dropout=0</c>), for ablations of a searched
/// configuration; the bundle's profile-training.json records them beside the configuration actually trained.
/// </summary>
internal static class ConfigurationOverrides
{
    /// <summary>Keys a configuration has (the search space's dimensions).</summary>
    public static readonly IReadOnlyList<string> Keys = ["layers", "width", "dropout", "learning_rate", "weight_decay"];

    /// <summary>Parses NAME=VALUE entries (invariant culture).</summary>
    /// <exception cref="ArgumentException">An entry is not NAME=VALUE, names an unknown key, or repeats one.</exception>
    public static IReadOnlyDictionary<string, double> Parse(IEnumerable<string> entries)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string entry in entries)
        {
            string[] parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                throw new ArgumentException($"'{entry}' is not NAME=VALUE with a finite number.", nameof(entries));
            }

            if (!Keys.Contains(parts[0]))
            {
                throw new ArgumentException($"'{parts[0]}' is not one of {string.Join(", ", Keys)}.", nameof(entries));
            }

            if (!result.TryAdd(parts[0], value))
            {
                throw new ArgumentException($"'{parts[0]}' is set twice.", nameof(entries));
            }
        }

        return result;
    }

    /// <summary>The configuration with the overrides put in place of its entries.</summary>
    public static IReadOnlyDictionary<string, double> Apply(IReadOnlyDictionary<string, double> configuration, IReadOnlyDictionary<string, double> overrides)
    {
        var result = new Dictionary<string, double>(configuration, StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            result[key] = value;
        }

        return result;
    }
}
