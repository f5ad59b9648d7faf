namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// The live halo mass function of one survey in one redshift bin, with the cosmology posterior of the joint count
/// fit: one message of topic <c>massfunction</c>, schema schemas/mass-function. Key: <see cref="SeriesId"/>, so a
/// compacted topic keeps the newest update of every (survey, redshift bin).
/// Units: log10(M / h^-1 Msun); dn/dlog10 M in h^3 Mpc^-3 dex^-1 (comoving).
/// </summary>
public sealed record MassFunctionUpdate
{
    /// <summary>Identifies the series this update replaces, e.g. "mock-desi/z0.10-0.30".</summary>
    public required string SeriesId { get; init; }

    public required string Survey { get; init; }

    public required double RedshiftMin { get; init; }

    /// <summary>Upper redshift edge, greater than <see cref="RedshiftMin"/>.</summary>
    public required double RedshiftMax { get; init; }

    /// <summary>Increases by one with every update of the series.</summary>
    public required long UpdateSequence { get; init; }

    public required DateTimeOffset UpdatedUtc { get; init; }

    /// <summary>Posteriors ingested so far (all redshifts).</summary>
    public required int NPosteriors { get; init; }

    /// <summary>Version of the code that computed the update.</summary>
    public required string CodeVersion { get; init; }

    /// <summary>Mass bin edges, strictly increasing; every per-bin list has one entry fewer.</summary>
    public required IReadOnlyList<double> Log10MassEdges { get; init; }

    /// <summary>Clusters per bin (posterior-weighted, hence real-valued).</summary>
    public required IReadOnlyList<double> Counts { get; init; }

    public required IReadOnlyList<double> DnDlog10M { get; init; }

    public required IReadOnlyList<double> DnDlog10MError { get; init; }

    public required IReadOnlyList<double> TheoryDnDlog10M { get; init; }

    public required IReadOnlyList<double> TheoryExpectedCounts { get; init; }

    /// <summary>Measured over theory per bin; null where the theory is zero.</summary>
    public required IReadOnlyList<double?> Ratio { get; init; }

    /// <summary>Lowest log10 M used in the cosmology fit.</summary>
    public required double CompletenessLimitLog10M { get; init; }

    /// <summary>Cosmology posterior; null until a cluster lies in the fit range.</summary>
    public CosmologyPosterior? Cosmology { get; init; }

    /// <summary>Cosmology of the theory curve and of the volumes.</summary>
    public required CosmologyParameters BaseCosmology { get; init; }

    /// <summary>Cosmology the mock was drawn from; null for real data.</summary>
    public CosmologyParameters? TrueCosmology { get; init; }

    /// <summary>
    /// Linear transfer function of the theory and of the fit (schema 1.1): "eisenstein-hu-1998",
    /// "eisenstein-hu-1998-no-wiggle" or "table:&lt;file name&gt;"; null in 1.0 records (which used the no-wiggle fit).
    /// </summary>
    public string? TransferFunction { get; init; }
}
