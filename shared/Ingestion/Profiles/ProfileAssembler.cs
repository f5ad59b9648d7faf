using System.Globalization;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Profiles;

/// <summary>
/// Groups bin rows by profile_id into <see cref="StackedProfile"/> records and validates them: each cell against the
/// range schema stacked-profile gives its column (so a negative density is refused here with the same rule a consumer
/// applies), each profile for consistent stack columns, strictly increasing radii and kinds that fill every bin, and
/// finally the production codec itself (encode, decode). A profile with one bad row is refused whole (a profile
/// missing a bin would not match its model's radii): the bad row carries its reason, the others say which row it was.
/// Reasons read "&lt;category&gt; &lt;column&gt;: &lt;detail&gt;" like those of the catalogue assembler.
/// </summary>
public sealed class ProfileAssembler(CodecLimits? limits = null)
{
    public const string UnknownColumn = "unknown-column";
    public const string InconsistentProfile = "inconsistent-profile";
    public const string NonIncreasingRadii = "non-increasing-radii";
    public const string IncompleteKind = "incomplete-kind";
    public const string RejectedProfile = "rejected-profile";

    private static readonly MessageSchema Schema = StackedProfileCodec.Definition;

    // File column → the schema field whose range applies to it.
    private static readonly Dictionary<string, string> StackFields = new(StringComparer.Ordinal)
    {
        ["redshift"] = "redshift",
        ["stacked_objects"] = "stacked_objects",
        ["log10_halo_mass"] = "log10_halo_mass",
        ["radius_mpc_over_h"] = "radii_mpc_over_h",
    };

    private readonly StackedProfileCodec _codec = new(limits);

    /// <param name="rows">Bin rows, in file order.</param>
    /// <param name="defaultSurvey">Survey of rows whose survey cell is empty.</param>
    public ProfileAssembly Assemble(IReadOnlyList<ProfileRow> rows, string? defaultSurvey = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var rejections = new List<RowRejection>();
        var byProfile = new Dictionary<string, List<ProfileRow>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.ProfileId?.Trim() is not { Length: > 0 } id)
            {
                rejections.Add(new RowRejection(row.Row, null, $"{ValidationReason.MissingField.ToLabel()} profile_id: the row has no profile id"));
                continue;
            }

            if (!byProfile.TryGetValue(id, out var bins)) byProfile[id] = bins = [];
            bins.Add(row with { Survey = string.IsNullOrWhiteSpace(row.Survey) ? defaultSurvey?.Trim() : row.Survey.Trim() });
        }

        var profiles = new List<StackedProfile>(byProfile.Count);
        long accepted = 0;
        foreach (var (id, bins) in byProfile)
        {
            if (AssembleProfile(id, bins, rejections) is { } profile)
            {
                profiles.Add(profile);
                accepted += bins.Count;
            }
        }

        return new ProfileAssembly(profiles, [.. rejections.OrderBy(r => r.Row)], rows.Count, accepted);
    }

    private StackedProfile? AssembleProfile(string id, List<ProfileRow> bins, List<RowRejection> rejections)
    {
        var rowProblems = bins.Select(b => (Row: b.Row, Problem: RowProblem(b))).Where(p => p.Problem is not null).ToList();
        if (rowProblems.Count > 0)
        {
            foreach (var (row, reason) in rowProblems) rejections.Add(new RowRejection(row, id, reason!));
            string others = $"{RejectedProfile}: {rowProblems.Count} of the profile's {bins.Count} rows were refused (first: row {rowProblems[0].Row})";
            rejections.AddRange(bins.Where(b => rowProblems.All(p => p.Row != b.Row)).Select(b => new RowRejection(b.Row, id, others)));
            return null;
        }

        if (ProfileProblem(bins) is { } problem)
        {
            rejections.AddRange(bins.Select(b => new RowRejection(b.Row, id, problem)));
            return null;
        }

        var first = bins[0];
        var profile = new StackedProfile
        {
            ProfileId = id,
            Survey = first.Survey!,
            Redshift = first.Redshift!.Value,
            StackedObjects = (int)first.StackedObjects!.Value,
            Log10HaloMass = first.Log10HaloMass,
            RadiiMpcOverH = [.. bins.Select(b => b.RadiusMpcOverH!.Value)],
        };
        foreach (var kind in StackedProfileKinds.All)
        {
            profile = kind.With(profile, Series(bins, kind.ValuesColumn), Series(bins, kind.ErrorsColumn));
        }

        try
        {
            return _codec.Decode(_codec.Encode(profile));
        }
        catch (RecordValidationException e)
        {
            string reason = $"{e.Reason.ToLabel()} {e.Field}: {e.Message}";
            rejections.AddRange(bins.Select(b => new RowRejection(b.Row, id, reason)));
            return null;
        }
    }

    /// <summary>Why one bin row is unusable on its own, or null.</summary>
    private static string? RowProblem(ProfileRow row)
    {
        if (row.Unknown.Keys.FirstOrDefault() is { } unknown)
        {
            return $"{UnknownColumn} {unknown}: not a stack column or a profile kind of schema {StackedProfileCodec.Id} " +
                $"(kinds: {string.Join(", ", StackedProfileKinds.All.Select(k => k.ValuesColumn))})";
        }

        if (row.RadiusMpcOverH is null) return $"{ValidationReason.MissingField.ToLabel()} radius_mpc_over_h: the bin has no radius";
        var cells = new List<(string Column, double Value)> { ("radius_mpc_over_h", row.RadiusMpcOverH.Value) };
        if (row.Redshift is { } z) cells.Add(("redshift", z));
        if (row.StackedObjects is { } n) cells.Add(("stacked_objects", n));
        if (row.Log10HaloMass is { } m) cells.Add(("log10_halo_mass", m));
        cells.AddRange(row.Values.Select(v => (v.Key, v.Value)));
        foreach (var (column, value) in cells)
        {
            var spec = Schema[StackFields.GetValueOrDefault(column, column)];
            if (!double.IsFinite(value))
            {
                return $"{ValidationReason.NonFinite.ToLabel()} {column}: the value is {value.ToString(CultureInfo.InvariantCulture)}";
            }

            if (spec.Range is { } range && !range.Contains(value))
            {
                return $"{ValidationReason.OutOfRange.ToLabel()} {column}: {value.ToString("R", CultureInfo.InvariantCulture)}{(spec.Unit is null ? "" : " " + spec.Unit)} is outside {range}";
            }
        }

        return row.StackedObjects is { } count && count != Math.Floor(count)
            ? $"{ValidationReason.OutOfRange.ToLabel()} stacked_objects: {count.ToString(CultureInfo.InvariantCulture)} is not a whole number"
            : null;
    }

    /// <summary>Why the rows cannot make one profile (stack columns, radii, kinds), or null.</summary>
    private static string? ProfileProblem(List<ProfileRow> bins)
    {
        foreach (var (column, value, required) in new (string, Func<ProfileRow, object?>, bool)[]
        {
            ("survey", b => b.Survey, true),
            ("redshift", b => b.Redshift, true),
            ("stacked_objects", b => b.StackedObjects, true),
            ("log10_halo_mass", b => b.Log10HaloMass, false),
        })
        {
            if (required && bins.FirstOrDefault(b => value(b) is null) is { } blank)
            {
                return $"{ValidationReason.MissingField.ToLabel()} {column}: row {blank.Row} has no value; stack columns must be on every row";
            }

            if (bins.FirstOrDefault(b => !Equals(value(b), value(bins[0]))) is { } other)
            {
                return $"{InconsistentProfile} {column}: rows of the profile disagree ({Show(value(bins[0]))} on row {bins[0].Row}, {Show(value(other))} on row {other.Row})";
            }
        }

        for (int i = 1; i < bins.Count; i++)
        {
            if (bins[i].RadiusMpcOverH <= bins[i - 1].RadiusMpcOverH)
            {
                return $"{NonIncreasingRadii} radius_mpc_over_h: row {bins[i].Row}'s radius {Show(bins[i].RadiusMpcOverH)} h^-1 Mpc does not exceed " +
                    $"row {bins[i - 1].Row}'s {Show(bins[i - 1].RadiusMpcOverH)}; list a profile's bins from the centre out";
            }
        }

        foreach (string column in bins.SelectMany(b => b.Values.Keys).Distinct(StringComparer.Ordinal))
        {
            var empty = bins.Where(b => !b.Values.ContainsKey(column)).Select(b => b.Row).ToList();
            if (empty.Count > 0)
            {
                return $"{IncompleteKind} {column}: empty on row{(empty.Count == 1 ? "" : "s")} {string.Join(", ", empty.Take(5))}{(empty.Count > 5 ? ", ..." : "")} " +
                    $"of the profile's {bins.Count}; a kind has one value per radius";
            }
        }

        return null;
    }

    private static double[]? Series(List<ProfileRow> bins, string column) =>
        bins[0].Values.ContainsKey(column) ? [.. bins.Select(b => b.Values[column])] : null;

    private static string Show(object? value) => value switch
    {
        null => "empty",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };
}
