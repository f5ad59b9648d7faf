using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>What <see cref="ScienceCriteria"/> found in the final massfunction updates; <see cref="Passed"/> when no criterion failed.</summary>
/// <param name="Bins">Every mass bin above the completeness limit, all redshift bins.</param>
/// <param name="ObservedAboveLimit">Clusters above the completeness limit.</param>
/// <param name="ExpectedAboveLimit">The forward-model expectation of that number at the truth.</param>
/// <param name="CosmologyPosterior">The (Ω_m, σ8) posterior of the final update.</param>
/// <param name="LogLikelihoodTruthMinusMax">ln L at the truth minus the grid maximum.</param>
/// <param name="Level95MinusMax">The 95 % highest-posterior-density level minus the maximum.</param>
/// <param name="TruthInside95">Whether the truth lies inside the 95 % region.</param>
/// <param name="Failures">Every failed criterion, in words.</param>
public sealed record ScienceCriteriaResult(
    IReadOnlyList<BinComparison> Bins,
    double ObservedAboveLimit,
    double ExpectedAboveLimit,
    CosmologyPosterior CosmologyPosterior,
    double LogLikelihoodTruthMinusMax,
    double Level95MinusMax,
    bool TruthInside95,
    IReadOnlyList<string> Failures)
{
    /// <summary>All criteria met.</summary>
    public bool Passed => Failures.Count == 0;
}
