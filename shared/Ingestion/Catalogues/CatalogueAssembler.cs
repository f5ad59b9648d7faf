using System.Globalization;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Catalogues;

/// <summary>
/// Groups member rows (one galaxy each, cluster columns repeated) into <see cref="ClusterCatalogue"/> records and
/// validates them. Validation is the production codec itself: every candidate catalogue is encoded and decoded by
/// <see cref="ClusterCatalogueCodec"/>, so a catalogue accepted here is exactly one the pipeline will accept, and the
/// catalogue returned is the decoded one (detection time cut to milliseconds, as it travels).
/// Bad data never throws: it comes back as <see cref="RowRejection"/>s whose reason reads
/// "&lt;category&gt; &lt;column&gt;: &lt;detail&gt;" (category: a <see cref="ValidationReason"/> label or "inconsistent-cluster").
/// </summary>
public sealed class CatalogueAssembler
{
    /// <summary>Category of a cluster whose repeated cluster columns differ between its rows.</summary>
    public const string InconsistentCluster = "inconsistent-cluster";

    // Codec field → the member-row file column, so reasons name what the user can find in the file.
    private static readonly Dictionary<string, string> FileColumns = new(StringComparer.Ordinal)
    {
        ["ra_deg"] = "cluster_ra_deg",
        ["dec_deg"] = "cluster_dec_deg",
        ["redshift"] = "cluster_redshift",
        ["member_v_los_km_per_s"] = "member_v_los_km_s",
        ["member_projected_radius_mpc_over_h"] = "member_r_proj_mpc_h",
    };

    private readonly ClusterCatalogueCodec _codec;

    public CatalogueAssembler(CodecLimits? limits = null) => _codec = new ClusterCatalogueCodec(limits);

    /// <summary>
    /// Assembles and validates catalogues from <paramref name="rows"/>.
    /// </summary>
    /// <param name="rows">Member rows, in file order.</param>
    /// <param name="defaultSurvey">Survey name for rows whose survey column is empty (a non-empty column wins).</param>
    /// <param name="rowNumbers">File row number of each row (1-based, header excluded); null means position + 1.
    /// See <see cref="RowNumbersAfterParse"/> for CSV files where some rows failed to parse.</param>
    public CatalogueAssembly Assemble(IReadOnlyList<MemberRow> rows, string? defaultSurvey = null, IReadOnlyList<long>? rowNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rowNumbers is not null && rowNumbers.Count != rows.Count)
        {
            throw new ArgumentException($"{rowNumbers.Count} row numbers for {rows.Count} rows", nameof(rowNumbers));
        }

        var context = new Context(rows, rowNumbers, string.IsNullOrWhiteSpace(defaultSurvey) ? null : defaultSurvey.Trim());
        var byCluster = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            string? id = rows[i].ClusterId?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                context.Reject(i, null, $"{ValidationReason.MissingField.ToLabel()} cluster_id: the row has no cluster id");
                continue;
            }

            if (!byCluster.TryGetValue(id, out var members))
            {
                byCluster[id] = members = [];
                order.Add(id);
            }

            members.Add(i);
        }

        var catalogues = new List<ClusterCatalogue>(order.Count);
        long accepted = 0;
        foreach (string id in order)
        {
            if (AssembleCluster(context, id, byCluster[id]) is { } catalogue)
            {
                catalogues.Add(catalogue.Catalogue);
                accepted += catalogue.Rows;
            }
        }

        return new CatalogueAssembly(catalogues, [.. context.Rejections.OrderBy(r => r.Row)], rows.Count, accepted);
    }

    /// <summary>
    /// File row numbers of the rows <see cref="MemberTable.ReadAsync"/> returned, given the rows it could not parse:
    /// the parsed rows are the file's rows 1..(parsed + unparsed) minus the unparsed ones, in order.
    /// </summary>
    public static IReadOnlyList<long> RowNumbersAfterParse(int parsedRowCount, IReadOnlyList<RowRejection> parseRejections)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parsedRowCount);
        ArgumentNullException.ThrowIfNull(parseRejections);
        var skipped = parseRejections.Select(r => r.Row).ToHashSet();
        var numbers = new long[parsedRowCount];
        long row = 0;
        for (int i = 0; i < parsedRowCount; i++)
        {
            do row++;
            while (skipped.Contains(row));
            numbers[i] = row;
        }

        return numbers;
    }

    /// <summary>Encodes then decodes through the production codec: the decoded catalogue, or why the codec refused it.</summary>
    public (ClusterCatalogue? Catalogue, RecordValidationException? Error) Validate(ClusterCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        try
        {
            return (_codec.Decode(_codec.Encode(catalogue)), null);
        }
        catch (RecordValidationException e)
        {
            return (null, e);
        }
    }

    private (ClusterCatalogue Catalogue, long Rows)? AssembleCluster(Context context, string id, List<int> indices)
    {
        var rows = context.Rows;
        if (ClusterFieldProblem(context, indices) is { } problem)
        {
            foreach (int i in indices) context.Reject(i, id, problem);
            return null;
        }

        var first = rows[indices[0]];
        var candidates = new List<(int Index, ClusterMember Member)>(indices.Count);
        foreach (int i in indices)
        {
            var row = rows[i];
            if (row.MemberRaDeg is not { } ra)
            {
                context.Reject(i, id, $"{ValidationReason.MissingField.ToLabel()} member_ra_deg: the member has no right ascension");
            }
            else if (row.MemberDecDeg is not { } dec)
            {
                context.Reject(i, id, $"{ValidationReason.MissingField.ToLabel()} member_dec_deg: the member has no declination");
            }
            else if (row.MemberRedshift is null && row.MemberVLosKmPerS is null)
            {
                context.Reject(i, id, $"{ValidationReason.MissingField.ToLabel()} member_redshift: the member has neither member_redshift nor member_v_los_km_s");
            }
            else
            {
                candidates.Add((i, new ClusterMember(ra, dec, row.MemberRedshift, row.MemberVLosKmPerS, row.MemberMagnitude, row.MemberProjectedRadiusMpcOverH)));
            }
        }

        if (candidates.Count == 0) return null;

        var template = new ClusterCatalogue
        {
            ClusterId = id,
            Survey = SurveyOf(context, first)!,
            RaDeg = first.ClusterRaDeg!.Value,
            DecDeg = first.ClusterDecDeg!.Value,
            Redshift = first.ClusterRedshift!.Value,
            DetectionTime = ToUtc(first.DetectionTimeUtc!.Value),
            TrueLog10M200c = first.TrueLog10M200c,
            Members = [.. candidates.Select(c => c.Member)],
        };

        var (decoded, error) = Validate(template);
        if (decoded is not null) return (decoded, candidates.Count);

        if (IsMemberError(error!))
        {
            // Find the offending members on their own (one-member catalogues), refuse those rows, keep the rest.
            var kept = new List<(int Index, ClusterMember Member)>(candidates.Count);
            foreach (var candidate in candidates)
            {
                var (_, memberError) = Validate(template with { Members = [candidate.Member] });
                if (memberError is null) kept.Add(candidate);
                else context.Reject(candidate.Index, id, Describe(memberError, singleMember: true));
            }

            if (kept.Count == 0) return null;
            candidates = kept;
            (decoded, error) = Validate(template with { Members = [.. kept.Select(c => c.Member)] });
            if (decoded is not null) return (decoded, kept.Count);
        }

        string reason = Describe(error!, singleMember: false);
        foreach (var candidate in candidates) context.Reject(candidate.Index, id, reason);
        return null;
    }

    private static bool IsMemberError(RecordValidationException error) =>
        error.Field.StartsWith("member_", StringComparison.Ordinal) && error.Reason != ValidationReason.Oversized;

    /// <summary>Cluster columns must be present on every row and identical across the cluster's rows.</summary>
    private static string? ClusterFieldProblem(Context context, List<int> indices)
    {
        var rows = context.Rows;
        return Check("survey", i => SurveyOf(context, rows[i]), required: true)
            ?? Check("cluster_ra_deg", i => rows[i].ClusterRaDeg, required: true)
            ?? Check("cluster_dec_deg", i => rows[i].ClusterDecDeg, required: true)
            ?? Check("cluster_redshift", i => rows[i].ClusterRedshift, required: true)
            ?? Check("detection_time", i => rows[i].DetectionTimeUtc is { } t ? ToUtc(t) : (DateTimeOffset?)null, required: true)
            ?? Check("true_log10_m200c", i => rows[i].TrueLog10M200c, required: false);

        string? Check<T>(string column, Func<int, T?> value, bool required)
        {
            T? reference = value(indices[0]);
            int referenceRow = indices[0];
            foreach (int i in indices)
            {
                T? current = value(i);
                if (required && current is null)
                {
                    return $"{ValidationReason.MissingField.ToLabel()} {column}: row {context.RowNumber(i)} has no value; cluster columns must be on every row";
                }

                if (!EqualityComparer<T?>.Default.Equals(current, reference))
                {
                    return $"{InconsistentCluster} {column}: rows of the cluster disagree ({Show(reference)} on row {context.RowNumber(referenceRow)}, " +
                        $"{Show(current)} on row {context.RowNumber(i)})";
                }
            }

            return null;
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "empty",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => $"'{value}'",
    };

    private static string? SurveyOf(Context context, MemberRow row) =>
        string.IsNullOrWhiteSpace(row.Survey) ? context.DefaultSurvey : row.Survey.Trim();

    /// <summary>A file's timestamp without a zone (Kind Unspecified) is read as UTC, the documented convention.</summary>
    private static DateTimeOffset ToUtc(DateTime time) => time.Kind == DateTimeKind.Local
        ? new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero)
        : new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero);

    private static string Describe(RecordValidationException error, bool singleMember)
    {
        string column = FileColumns.GetValueOrDefault(error.Field, error.Field);
        string prefix = error.Field + ": ";
        string detail = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..] : error.Message;
        // In a one-member catalogue the codec's element index is always 0; the row number already says which member.
        if (singleMember) detail = detail.Replace(error.Field + "[0]", column, StringComparison.Ordinal);
        else if (column != error.Field) detail = detail.Replace(error.Field, column, StringComparison.Ordinal);
        return $"{error.Reason.ToLabel()} {column}: {detail}";
    }

    private sealed class Context(IReadOnlyList<MemberRow> rows, IReadOnlyList<long>? rowNumbers, string? defaultSurvey)
    {
        public IReadOnlyList<MemberRow> Rows { get; } = rows;

        public string? DefaultSurvey { get; } = defaultSurvey;

        public List<RowRejection> Rejections { get; } = [];

        public long RowNumber(int index) => rowNumbers?[index] ?? index + 1;

        public void Reject(int index, string? clusterId, string reason) => Rejections.Add(new RowRejection(RowNumber(index), clusterId, reason));
    }
}
