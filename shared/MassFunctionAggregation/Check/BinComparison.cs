namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>One (redshift bin, mass bin) of the final update against the prediction at the true cosmology.</summary>
/// <param name="SeriesId">The redshift bin's series.</param>
/// <param name="Log10MassMin">Lower mass edge, log10(M / h^-1 Msun).</param>
/// <param name="Log10MassMax">Upper mass edge.</param>
/// <param name="ObservedCounts">Clusters whose posterior mean lies in the bin.</param>
/// <param name="ExpectedCounts">Forward-model expectation (selection and mass scatter included).</param>
/// <param name="DnDlog10M">Measured dn/dlog10 M, h^3 Mpc^-3 dex^-1.</param>
/// <param name="DnDlog10MError">Its 1σ error (Poisson and posterior sampling).</param>
/// <param name="TheoryDnDlog10M">Expected dn/dlog10 M.</param>
/// <param name="Pull">(measured − expected) / error; NaN for an empty bin (no error).</param>
/// <param name="Tested">Whether the bin enters the per-bin test (above the completeness limit, expectation ≥ the minimum).</param>
public sealed record BinComparison(
    string SeriesId,
    double Log10MassMin,
    double Log10MassMax,
    double ObservedCounts,
    double ExpectedCounts,
    double DnDlog10M,
    double DnDlog10MError,
    double TheoryDnDlog10M,
    double Pull,
    bool Tested);
