using Apache.Arrow.Types;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// Which columns a table or CSV shows. A posterior has ~30 columns: as a table on a terminal they wrap into an
/// unreadable wall, so the table shows each topic's (else its schema's) headline columns unless <c>--columns</c> names
/// others; CSV keeps every column unless told. Parquet and Arrow files always hold the whole schema. Besides the
/// schema's columns a posterior has the derived columns of <see cref="DerivedColumns"/>.
/// </summary>
public static class ColumnSelection
{
    /// <summary>Most scalar columns a table shows for a schema without a headline list.</summary>
    public const int MaxDefaultTableColumns = 10;

    private static readonly Dictionary<string, string[]> Headlines = new(StringComparer.Ordinal)
    {
        ["posterior"] =
        [
            "object_id", "survey", "redshift", "status", "log10_m200c", "sigma_log10_m200c", CredibleInterval.Column, "baseline_msigma_log10_m",
            "baseline_distribution_log10m", "members_kept", "out_of_distribution", "rejection_reason", "ood_reason",
        ],
        ["catalogue"] = ["cluster_id", "survey", "ra_deg", "dec_deg", "redshift", "detection_time", "true_log10_m200c", "member_ra_deg"],
        ["phase-space-features"] =
            ["cluster_id", "survey", "redshift", "status", "members_kept", "sigma_los_km_per_s", "limit_profile", "rejection_reason"],
        ["mass-function"] =
        [
            "series_id", "update_sequence", "updated_utc", "n_posteriors", "completeness_limit_log10_m", "omega_m_mean",
            "omega_m_sigma", "sigma8_mean", "sigma8_sigma", "s8_mean", "s8_sigma", "transfer_function",
        ],
    };

    /// <summary>
    /// Headlines of topics that share a schema but not its headline: posteriors.params and posteriors.cgm have no mass
    /// columns, so their tables show the first parameters' mean ± sigma instead.
    /// </summary>
    private static readonly Dictionary<string, string[]> TopicHeadlines = new(StringComparer.Ordinal)
    {
        [Topics.ParameterPosteriors] =
        [
            "object_id", "survey", "redshift", "status", ParameterSummary.Column, "model_version", "out_of_distribution", "rejection_reason", "ood_reason",
        ],
        // The CGM posteriors: six properties and no mass columns; the model name says which channels served the record.
        [Topics.CgmPosteriors] =
        [
            "object_id", "survey", "redshift", "status", ParameterSummary.Column, "model_name", "out_of_distribution", "rejection_reason", "ood_reason",
        ],
    };

    /// <summary>
    /// The columns of a table of <paramref name="schema"/> read from <paramref name="topic"/>: the topic's headline list,
    /// else the schema's, else its first scalar columns.
    /// </summary>
    public static IReadOnlyList<string> ForTable(MessageSchema schema, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var names = Names(schema);
        if (topic is not null && TopicHeadlines.TryGetValue(topic, out var topicHeadline)) return [.. topicHeadline.Where(names.Contains)];
        if (Headlines.TryGetValue(schema.Id.Name, out var headline)) return [.. headline.Where(names.Contains)];
        return [.. schema.Fields.Where(f => f.ArrowType is not (ListType or FixedSizeListType)).Select(f => f.Name).Take(MaxDefaultTableColumns)];
    }

    /// <summary>The columns named in <paramref name="list"/> ("a,b,c"), in that order.</summary>
    /// <exception cref="SubscribeException">A name the schema lacks, a repeated name, or an empty list.</exception>
    public static IReadOnlyList<string> Parse(MessageSchema schema, string list)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(list);
        var names = Names(schema);
        var columns = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (columns.Length == 0) throw new SubscribeException("--columns names no column");
        var unknown = columns.Where(c => !names.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new SubscribeException(
                $"--columns: schema '{schema.Id}' has no column {string.Join(", ", unknown.Select(c => $"'{c}'"))}; its columns are: {string.Join(", ", schema.Fields.Select(f => f.Name))}");
        }

        var repeated = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new SubscribeException($"--columns names '{repeated.Key}' twice");
        return columns;
    }

    /// <summary>The schema's columns and the derived ones it supports.</summary>
    private static HashSet<string> Names(MessageSchema schema)
    {
        var names = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(DerivedColumns.For(schema));
        return names;
    }
}
