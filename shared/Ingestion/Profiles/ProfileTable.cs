using System.Globalization;
using Apache.Arrow;
using CsvHelper;
using CsvHelper.Configuration;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Profiles;

/// <summary>
/// Reads stacked profiles from CSV or Arrow (IPC file or stream): one row per radial bin,
/// <c>profile_id, survey, redshift, stacked_objects, log10_halo_mass, radius_mpc_over_h</c> and one column per profile
/// kind, named as in schema stacked-profile (<c>gas_density_cm3</c>, <c>gas_temperature_kev</c>,
/// <c>gas_metallicity_zsun</c>, <c>compton_y</c>, <c>xray_surface_brightness_relative</c> (relative CAMELS-zoomGZ28
/// units, the profile model's), <c>xray_surface_brightness</c> (absolute), <c>hi_log10_column_density</c>,
/// <c>galaxy_surface_density_h2_per_mpc2</c>, each with its optional error column). Rows of one profile share its
/// profile_id and stack columns, radii increasing; an empty cell is an absent value. Nothing is judged here beyond
/// parsing: <see cref="ProfileAssembler"/> validates.
/// </summary>
public static class ProfileTable
{
    /// <summary>The stack and bin columns every file has (log10_halo_mass may be empty).</summary>
    public static readonly IReadOnlyList<string> StackColumns = ["profile_id", "survey", "redshift", "stacked_objects", "log10_halo_mass", "radius_mpc_over_h"];

    /// <summary>Every column a file may have: the stack columns, then each kind's value and error columns.</summary>
    public static IReadOnlyList<string> KnownColumns { get; } =
        [.. StackColumns, .. StackedProfileKinds.All.SelectMany(k => new[] { k.ValuesColumn, k.ErrorsColumn })];

    /// <summary>All rows, plus the rows whose cells could not be parsed (with the reason).</summary>
    /// <exception cref="ArgumentException">The extension names no supported format.</exception>
    public static async Task<(IReadOnlyList<ProfileRow> Rows, IReadOnlyList<RowRejection> Rejections)> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        return MemberTable.FormatOf(path) switch
        {
            TableFormat.Csv => ReadCsv(path),
            TableFormat.Arrow => (await ReadArrowAsync(path, cancellationToken), []),
            var other => throw new ArgumentException($"stacked profiles are read from .csv or .arrow files, not {other.ToString().ToLowerInvariant()}", nameof(path)),
        };
    }

    private static (IReadOnlyList<ProfileRow>, IReadOnlyList<RowRejection>) ReadCsv(string path)
    {
        var rows = new List<ProfileRow>();
        var rejections = new List<RowRejection>();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null });
        if (!csv.Read() || !csv.ReadHeader()) return (rows, rejections);
        string[] header = [.. csv.HeaderRecord!.Select(h => h.Trim())];
        long row = 0;
        while (csv.Read())
        {
            row++;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < header.Length; c++)
            {
                if (csv.GetField(c)?.Trim() is { Length: > 0 } text) cells[header[c]] = text;
            }

            var unparsed = cells.Where(c => IsNumeric(c.Key) && !TryNumber(c.Value, out _)).Select(c => c.Key).FirstOrDefault();
            if (unparsed is not null)
            {
                rejections.Add(new RowRejection(row, cells.GetValueOrDefault("profile_id"), $"unparseable {unparsed}: '{cells[unparsed]}' is not a number"));
                continue;
            }

            rows.Add(FromCells(row, cells.GetValueOrDefault, name => cells.TryGetValue(name, out var text) && TryNumber(text, out double v) ? v : null, cells.Keys));
        }

        return (rows, rejections);
    }

    private static async Task<IReadOnlyList<ProfileRow>> ReadArrowAsync(string path, CancellationToken cancellationToken)
    {
        var rows = new List<ProfileRow>();
        long row = 0;
        await foreach (var batch in ArrowTables.ReadBatchesAsync(path, cancellationToken))
        {
            using (batch)
            {
                var names = batch.Schema.FieldsList.Select(f => f.Name).ToList();
                for (int i = 0; i < batch.Length; i++)
                {
                    row++;
                    int r = i;
                    var present = names.Where(n => !batch.Column(batch.Schema.GetFieldIndex(n)).IsNull(r)).ToList();
                    rows.Add(FromCells(row, name => ArrowTables.Text(batch, name, r), name => ArrowTables.Number(batch, name, r), present));
                }
            }
        }

        return rows;
    }

    private static ProfileRow FromCells(long row, Func<string, string?> text, Func<string, double?> number, IEnumerable<string> present)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var unknown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string column in present.Where(c => !StackColumns.Contains(c)))
        {
            if (StackedProfileKinds.ByColumn(column) is not null && number(column) is { } value) values[column] = value;
            else unknown[column] = text(column) ?? number(column)?.ToString("R", CultureInfo.InvariantCulture) ?? "?";
        }

        return new ProfileRow
        {
            Row = row,
            ProfileId = text("profile_id"),
            Survey = text("survey"),
            Redshift = number("redshift"),
            StackedObjects = number("stacked_objects"),
            Log10HaloMass = number("log10_halo_mass"),
            RadiusMpcOverH = number("radius_mpc_over_h"),
            Values = values,
            Unknown = unknown,
        };
    }

    private static bool IsNumeric(string column) => column is not ("profile_id" or "survey") && KnownColumns.Contains(column);

    /// <summary>Invariant-culture number; "NaN" and "Infinity" parse (the assembler refuses them with their own reason).</summary>
    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
