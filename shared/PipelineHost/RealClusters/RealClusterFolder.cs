using System.Globalization;
using CsvHelper;
using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>
/// Reads a folder of real clusters in the layout of <c>act-spt-spectroscopic</c> (its README): <c>clusters.csv</c>
/// (CName, Nspec, z, sigma, RA, DEC, M500 in M☉ for h = 0.7, Ref; "nan" where absent) and <c>galaxies.csv</c> (CName,
/// RAdeg, DEdeg, zspec per spectrum). Catalogues go through the same assembler and codec as <c>ingest file</c>.
/// </summary>
public static class RealClusterFolder
{
    public const string ClustersFile = "clusters.csv";
    public const string GalaxiesFile = "galaxies.csv";

    /// <summary>The data carry no detection times; every catalogue gets this one, so runs are reproducible.</summary>
    public static readonly DateTimeOffset DetectionTime = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The clusters with at least one galaxy, in the order of clusters.csv.</summary>
    /// <exception cref="InvalidDataException">A missing column, an unreadable number, or a cluster the assembler refuses.</exception>
    public static IReadOnlyList<RealCluster> Read(string folder)
    {
        var clusters = ReadRows(Path.Combine(folder, ClustersFile), ["CName", "Nspec", "z", "sigma", "RA", "DEC", "M500", "Ref"]);
        var galaxies = ReadRows(Path.Combine(folder, GalaxiesFile), ["CName", "RAdeg", "DEdeg", "zspec"]);
        var byCluster = galaxies.ToLookup(g => g.Text("CName"), StringComparer.Ordinal);

        var rows = new List<MemberRow>(galaxies.Count);
        foreach (var cluster in clusters)
        {
            string name = cluster.Text("CName");
            foreach (var galaxy in byCluster[name])
            {
                rows.Add(new MemberRow
                {
                    ClusterId = name,
                    Survey = SurveyOf(name),
                    ClusterRaDeg = cluster.Number("RA"),
                    ClusterDecDeg = cluster.Number("DEC"),
                    ClusterRedshift = cluster.Number("z"),
                    DetectionTimeUtc = DetectionTime.UtcDateTime,
                    MemberRaDeg = galaxy.Number("RAdeg"),
                    MemberDecDeg = galaxy.Number("DEdeg"),
                    MemberRedshift = galaxy.Number("zspec"),
                });
            }
        }

        CatalogueAssembly assembly = new CatalogueAssembler().Assemble(rows);
        if (assembly.Rejections.Count > 0)
        {
            var first = assembly.Rejections[0];
            throw new InvalidDataException(
                $"{folder}: {assembly.Rejections.Count} galaxy rows refused by the catalogue assembler, first: cluster {first.ClusterId}: {first.Reason}");
        }

        var catalogues = assembly.Catalogues.ToDictionary(c => c.ClusterId, StringComparer.Ordinal);
        return [.. clusters
            .Where(c => catalogues.ContainsKey(c.Text("CName")))
            .Select(c => new RealCluster(
                catalogues[c.Text("CName")],
                byCluster[c.Text("CName")].Count(),
                c.Number("M500"),
                c.Number("sigma"),
                c.Text("Ref")))];
    }

    /// <summary>"ACT" or "SPT" from the cluster name's prefix; the phase-space service picks its limit profile by survey.</summary>
    public static string SurveyOf(string clusterName) => clusterName.Split('-', 2)[0];

    private static List<Row> ReadRows(string path, string[] required)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Real-cluster file not found: {path}", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader()) throw new InvalidDataException($"{path}: no header row");
        string[] header = csv.HeaderRecord!;
        if (required.FirstOrDefault(c => !header.Contains(c, StringComparer.Ordinal)) is { } missing)
        {
            throw new InvalidDataException($"{path}: column {missing} is missing (has {string.Join(", ", header)})");
        }

        var rows = new List<Row>();
        while (csv.Read())
        {
            long line = csv.Parser.RawRow;
            rows.Add(new Row(path, line, required.ToDictionary(c => c, c => csv.GetField(c) ?? string.Empty, StringComparer.Ordinal)));
        }

        return rows;
    }

    private sealed record Row(string Path, long Line, Dictionary<string, string> Fields)
    {
        public string Text(string column) => Fields[column].Trim();

        /// <summary>The value, or null for "nan", "--" or an empty cell; throws naming file and line for anything else.</summary>
        public double? Number(string column)
        {
            string text = Text(column);
            if (text.Length == 0 || text == "--" || text.Equals("nan", StringComparison.OrdinalIgnoreCase)) return null;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
                ? value
                : throw new InvalidDataException($"{Path} line {Line}: {column} = '{text}' is not a number");
        }
    }
}
