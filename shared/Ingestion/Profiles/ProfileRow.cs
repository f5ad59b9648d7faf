namespace StreamProcessor.Ingestion.Profiles;

/// <summary>
/// One radial bin of a stacked profile as a file holds it: the stack's columns (repeated on every bin), the bin's
/// radius, and its value of each profile kind present (column name of schema stacked-profile → value).
/// See <see cref="ProfileTable"/> for the file layout.
/// </summary>
public sealed record ProfileRow
{
    /// <summary>File row number, 1-based, header excluded.</summary>
    public required long Row { get; init; }

    public string? ProfileId { get; init; }

    public string? Survey { get; init; }

    public double? Redshift { get; init; }

    public double? StackedObjects { get; init; }

    /// <summary>Mean log10(M_halo / h^-1 M_sun) of the stack; empty when the survey gives none.</summary>
    public double? Log10HaloMass { get; init; }

    /// <summary>Bin centre, h^-1 Mpc.</summary>
    public double? RadiusMpcOverH { get; init; }

    /// <summary>Non-empty cells of the kind columns (values and errors), by column name.</summary>
    public required IReadOnlyDictionary<string, double> Values { get; init; }

    /// <summary>Non-empty cells of columns that are not part of the layout, by column name (the row is refused for them).</summary>
    public required IReadOnlyDictionary<string, string> Unknown { get; init; }
}
