using StreamProcessor.Abundance.Selection;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// A survey's selection function in configuration. <see cref="Kind"/> "logistic": <see cref="LogisticCompleteness"/>
/// (50 % at log10 M = t0 + t1 z, width w dex); "tabulated": <see cref="TabulatedCompleteness"/> on a (log10 M, z) grid.
/// </summary>
public sealed record CompletenessOptions
{
    /// <summary>Name of the logistic model.</summary>
    public const string Logistic = "logistic";

    /// <summary>Name of the tabulated model.</summary>
    public const string Tabulated = "tabulated";

    /// <summary>"logistic" or "tabulated".</summary>
    public string Kind { get; init; } = Logistic;

    /// <summary>Logistic t0: log10(M / h^-1 Msun) at 50 % completeness at z = 0.</summary>
    public double Log10MassHalfAtZeroRedshift { get; init; } = 13.6;

    /// <summary>Logistic t1: change of the 50 % threshold per unit redshift, dex.</summary>
    public double Log10MassHalfSlopePerRedshift { get; init; } = 1.0;

    /// <summary>Logistic w: width of the step, dex.</summary>
    public double WidthDex { get; init; } = 0.05;

    /// <summary>Tabulated: ascending log10(M / h^-1 Msun) nodes.</summary>
    public double[] Log10Masses { get; init; } = [];

    /// <summary>Tabulated: ascending redshift nodes.</summary>
    public double[] Redshifts { get; init; } = [];

    /// <summary>Tabulated: completeness at the nodes, mass-major (Values[massIndex * Redshifts.Length + redshiftIndex]).</summary>
    public double[] Values { get; init; } = [];

    /// <summary>Tabulated: below this log10(M / h^-1 Msun) the completeness is 0 (null: the table is clamped).</summary>
    public double? Log10MassFloor { get; init; }

    /// <summary>The selection model; throws when the kind is unknown or the parameters are invalid.</summary>
    public CompletenessModel ToModel() => Kind.ToLowerInvariant() switch
    {
        Logistic => new LogisticCompleteness(Log10MassHalfAtZeroRedshift, Log10MassHalfSlopePerRedshift, WidthDex).Validated(),
        Tabulated => new TabulatedCompleteness(Log10Masses, Redshifts, Values, Log10MassFloor).Validated(),
        _ => throw new ArgumentException($"Completeness kind '{Kind}' is neither '{Logistic}' nor '{Tabulated}'.", nameof(Kind)),
    };
}
