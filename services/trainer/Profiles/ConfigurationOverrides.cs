using System.Globalization;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// Hand-set entries of a network configuration (<c>profiles train --set dropout=0</c>), for ablations of a searched
/// configuration; the bundle's profile-training.json records them beside the configuration actually trained.
/// </summary>
internal static class ConfigurationOverrides
{
    /// <summary>Keys a configuration has: the search space's dimensions and the mini-batch size.</summary>
    public static readonly IReadOnlyList<string> Keys = ["layers", "width", "dropout", "learning_rate", "weight_decay", BatchSizeKey];

    /// <summary>Mini-batch size: not searched (a search compares configurations at one batch size), only overridden.</summary>
    public const string BatchSizeKey = "batch_size";

    /// <summary>Mini-batch size of a configuration that does not set one (searches recorded before it was a key).</summary>
    public const int DefaultBatchSize = 256;

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

            if (parts[0] == BatchSizeKey && (value < 2 || value != Math.Floor(value)))
            {
                throw new ArgumentException($"'{entry}': the batch size is a whole number of at least 2.", nameof(entries));
            }

            if (!result.TryAdd(parts[0], value))
            {
                throw new ArgumentException($"'{parts[0]}' is set twice.", nameof(entries));
            }
        }

        return result;
    }

    /// <summary>The configuration with the overrides put in place of its entries (and the default batch size where it has none).</summary>
    public static IReadOnlyDictionary<string, double> Apply(IReadOnlyDictionary<string, double> configuration, IReadOnlyDictionary<string, double> overrides)
    {
        var result = new Dictionary<string, double>(configuration, StringComparer.Ordinal);
        result.TryAdd(BatchSizeKey, DefaultBatchSize);
        foreach (var (key, value) in overrides)
        {
            result[key] = value;
        }

        return result;
    }
}
