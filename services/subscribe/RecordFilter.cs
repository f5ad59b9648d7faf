using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// Field filters bound to one schema. A filter on a field the schema lacks is refused up front
/// (<see cref="FilterException"/>), rather than silently matching nothing.
/// </summary>
public sealed class RecordFilter
{
    /// <summary>Mass columns in order of preference: the posterior mean first, the mock truth second.</summary>
    public static readonly IReadOnlyList<string> MassFields = ["log10_m200c", "true_log10_m200c"];

    private readonly List<Func<IReadOnlyDictionary<string, object?>, bool>> _predicates = [];

    private RecordFilter(IReadOnlyList<string> description) => Description = description;

    /// <summary>"survey = demo", "true_log10_m200c > 14.5", ...; empty when everything matches.</summary>
    public IReadOnlyList<string> Description { get; }

    /// <exception cref="FilterException">A filter names a field that <paramref name="schema"/> lacks, or the range is empty.</exception>
    public static RecordFilter Create(MessageSchema schema, FilterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(settings);
        var fields = schema.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var description = new List<string>();
        var predicates = new List<Func<IReadOnlyDictionary<string, object?>, bool>>();

        if (settings.Survey is { } survey)
        {
            Require(schema, fields, "--survey", "survey");
            description.Add($"survey = {survey}");
            predicates.Add(row => row.GetValueOrDefault("survey") is string s && string.Equals(s, survey, StringComparison.OrdinalIgnoreCase));
        }

        if (settings.Log10MassAbove is { } massAbove)
        {
            string field = MassFields.FirstOrDefault(fields.Contains)
                ?? throw new FilterException($"--mass-above: topic schema '{schema.Id}' has no mass field ({string.Join(" or ", MassFields)}); its fields are: {string.Join(", ", schema.Fields.Select(f => f.Name))}");
            description.Add($"{field} > {massAbove}");
            predicates.Add(row => row.GetValueOrDefault(field) is double m && m > massAbove);
        }

        if (settings.RedshiftMin is not null || settings.RedshiftMax is not null)
        {
            Require(schema, fields, settings.RedshiftMin is not null ? "--z-min" : "--z-max", "redshift");
            double min = settings.RedshiftMin ?? double.NegativeInfinity;
            double max = settings.RedshiftMax ?? double.PositiveInfinity;
            if (min > max) throw new FilterException($"--z-min {min} is above --z-max {max}: no record can match");
            description.Add($"{min} <= redshift <= {max}");
            predicates.Add(row => row.GetValueOrDefault("redshift") is double z && z >= min && z <= max);
        }

        var filter = new RecordFilter(description);
        filter._predicates.AddRange(predicates);
        return filter;
    }

    public bool Matches(IReadOnlyDictionary<string, object?> row)
    {
        foreach (var predicate in _predicates)
        {
            if (!predicate(row)) return false;
        }

        return true;
    }

    private static void Require(MessageSchema schema, HashSet<string> fields, string option, string field)
    {
        if (!fields.Contains(field))
        {
            throw new FilterException($"{option}: topic schema '{schema.Id}' has no field '{field}'; its fields are: {string.Join(", ", schema.Fields.Select(f => f.Name))}");
        }
    }
}
