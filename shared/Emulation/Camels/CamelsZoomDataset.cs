using System.Globalization;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Camels;

/// <summary>
/// Reader of ../shared/data/camels-zoomgz28 (Lee et al. 2024, arXiv:2403.10609): radial bins, parameter priors,
/// halos with their profiles. Bins that are not finite and positive (a few n_gas, T_gas and xsb values are exactly
/// 0, two Z_gas rows hold NaN) are filled by log-linear interpolation between the nearest valid bins, and counted.
/// </summary>
public sealed class CamelsZoomDataset
{
    /// <summary>The four kinds stored in profiles.csv, by their quantity name.</summary>
    public static readonly IReadOnlyDictionary<string, ProfileKind> StoredKinds = new Dictionary<string, ProfileKind>(StringComparer.Ordinal)
    {
        ["n_gas"] = ProfileKind.GasDensity,
        ["T_gas"] = ProfileKind.GasTemperature,
        ["Z_gas"] = ProfileKind.GasMetallicity,
        ["xsb"] = ProfileKind.XraySurfaceBrightness,
    };

    private CamelsZoomDataset(double[] radiiKpc, IReadOnlyList<CamelsParameter> parameters, IReadOnlyList<CamelsHalo> halos, int repairedBins)
    {
        RadiiKpc = radiiKpc;
        Parameters = parameters;
        Halos = halos;
        RepairedBins = repairedBins;
    }

    /// <summary>Radial bin centres, physical kpc (11.2 kpc to 8.9 Mpc, 0.1 dex steps).</summary>
    public IReadOnlyList<double> RadiiKpc { get; }

    /// <summary>The 28 parameters, in the order of every halo's parameter vector.</summary>
    public IReadOnlyList<CamelsParameter> Parameters { get; }

    /// <summary>Halos that have all four profiles and a mass, ordered by zoom id.</summary>
    public IReadOnlyList<CamelsHalo> Halos { get; }

    /// <summary>Profile bins that were not finite and positive and were interpolated.</summary>
    public int RepairedBins { get; }

    /// <summary>Reads the folder; throws <see cref="InvalidDataException"/> naming file and line on malformed content.</summary>
    public static CamelsZoomDataset Load(string folder)
    {
        var parameters = ReadParameters(Path.Combine(folder, "param_ranges.csv"));
        var masses = ReadRows(Path.Combine(folder, "halo_mass.csv")).ToDictionary(r => ParseInt(r, 0), r => ParseDouble(r, 1));
        var (radii, profiles, repaired) = ReadProfiles(Path.Combine(folder, "profiles.csv"));
        string paramsPath = Path.Combine(folder, "params.csv");
        var header = File.ReadLines(paramsPath).First().Split(',');
        int[] columns = [.. parameters.Select(p => Array.IndexOf(header, p.Name))];
        int seedColumn = Array.IndexOf(header, "seed");
        if (columns.Any(c => c < 0) || seedColumn < 0)
        {
            throw new InvalidDataException($"{paramsPath}: header lacks a parameter of param_ranges.csv or 'seed'.");
        }

        var halos = new List<CamelsHalo>();
        foreach (var row in ReadRows(paramsPath))
        {
            int zoom = ParseInt(row, 0);
            if (!masses.TryGetValue(zoom, out double mass) || !profiles.TryGetValue(zoom, out var log10Profiles) || log10Profiles.Count != StoredKinds.Count)
            {
                continue;
            }

            halos.Add(new CamelsHalo(zoom, ParseInt(row, seedColumn), [.. columns.Select(c => ParseDouble(row, c))], mass, log10Profiles));
        }

        return new CamelsZoomDataset(radii, parameters, [.. halos.OrderBy(h => h.ZoomId)], repaired);
    }

    private static List<CamelsParameter> ReadParameters(string path) =>
        [.. ReadRows(path).Select(r => new CamelsParameter(
            r.Fields[1], ParseDouble(r, 5), ParseDouble(r, 6), ParseDouble(r, 4), ParseInt(r, 3) == 1, r.Fields[7]))];

    private static (double[] Radii, Dictionary<int, Dictionary<ProfileKind, double[]>> Profiles, int Repaired) ReadProfiles(string path)
    {
        double[]? radii = null;
        var profiles = new Dictionary<int, Dictionary<ProfileKind, double[]>>();
        int repaired = 0;
        foreach (var row in ReadRows(path))
        {
            int zoom = ParseInt(row, 0);
            double[] values = [.. Enumerable.Range(3, row.Fields.Length - 3).Select(c => ParseDouble(row, c))];
            if (zoom < 0)
            {
                radii = values;
                continue;
            }

            if (!StoredKinds.TryGetValue(row.Fields[1], out var kind))
            {
                throw new InvalidDataException($"{path}:{row.Line}: unknown quantity '{row.Fields[1]}'.");
            }

            if (radii is null || values.Length != radii.Length)
            {
                throw new InvalidDataException($"{path}:{row.Line}: {values.Length} bins; the radius row gives {radii?.Length ?? 0}.");
            }

            repaired += RepairLog10(values, $"{path}:{row.Line}");
            if (!profiles.TryGetValue(zoom, out var byKind))
            {
                profiles[zoom] = byKind = [];
            }

            byKind[kind] = values;
        }

        return (radii ?? throw new InvalidDataException($"{path}: no radius row (zoom_N = -1)."), profiles, repaired);
    }

    /// <summary>Replaces values by their log10, interpolating (linearly in bin index) over bins that are not finite and positive.</summary>
    internal static int RepairLog10(double[] values, string where)
    {
        var valid = Enumerable.Range(0, values.Length).Where(i => double.IsFinite(values[i]) && values[i] > 0).ToArray();
        if (valid.Length == 0)
        {
            throw new InvalidDataException($"{where}: no positive value in the profile.");
        }

        double[] logs = [.. values.Select(v => double.IsFinite(v) && v > 0 ? Math.Log10(v) : double.NaN)];
        int repaired = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(logs[i]))
            {
                values[i] = logs[i];
                continue;
            }

            int below = valid.Where(v => v < i).DefaultIfEmpty(-1).Max();
            int above = valid.Where(v => v > i).DefaultIfEmpty(-1).Min();
            values[i] = (below, above) switch
            {
                (>= 0, >= 0) => logs[below] + ((logs[above] - logs[below]) * (i - below) / (above - below)),
                (>= 0, _) => logs[below],
                _ => logs[above],
            };
            repaired++;
        }

        return repaired;
    }

    private readonly record struct CsvRow(string[] Fields, int Line);

    private static IEnumerable<CsvRow> ReadRows(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CAMELS-zoomGZ28 file '{path}' is missing.", path);
        }

        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            if (++line == 1 || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return new CsvRow(text.Split(','), line);
        }
    }

    private static double ParseDouble(CsvRow row, int column)
    {
        string text = column < row.Fields.Length ? row.Fields[column] : string.Empty;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new InvalidDataException($"line {row.Line}, column {column + 1}: '{text}' is not a number.");
    }

    private static int ParseInt(CsvRow row, int column) => (int)Math.Round(ParseDouble(row, column));
}
