using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>What <c>massfunction check</c> found; <see cref="Passed"/> when <see cref="Failures"/> is empty.</summary>
/// <param name="Cosmology">The drawn universe.</param>
/// <param name="Truth">Its parameters.</param>
/// <param name="Seed">Light-cone seed.</param>
/// <param name="PosteriorSigmaDex">Mock posterior scatter, dex.</param>
/// <param name="HaloesDrawn">Haloes in the light cone.</param>
/// <param name="PosteriorsPublished">Selected haloes published to posteriors.mass.</param>
/// <param name="FinalUpdates">The updates (one per redshift bin) that include every posterior, as read from massfunction.</param>
/// <param name="Bins">Every mass bin above the completeness limit.</param>
/// <param name="ObservedAboveLimit">Clusters above the completeness limit, all redshift bins.</param>
/// <param name="ExpectedAboveLimit">The forward-model expectation of that number at the truth.</param>
/// <param name="CosmologyPosterior">The (Ω_m, σ8) posterior of the final update.</param>
/// <param name="LogLikelihoodTruthMinusMax">ln L at the truth minus the grid maximum.</param>
/// <param name="Level95MinusMax">The 95 % highest-posterior-density level minus the maximum.</param>
/// <param name="TruthInside95">Whether the truth lies inside the 95 % region.</param>
/// <param name="IngestPosteriorsPerSecond">Posteriors per second from the first produce to the service having ingested the last one (live path; includes the periodic updates).</param>
/// <param name="FirstUpdateSeconds">Compute time of the service's first update (theory warmed at start).</param>
/// <param name="FinalUpdateSeconds">Compute time of the service's last update.</param>
/// <param name="RebuildPosteriorsPerSecond">Posteriors per second of a restarted service's rebuild from the topic (NaN when not measured).</param>
/// <param name="RestartReproducedCounts">Whether the first update after the restart had the same counts (null when not measured).</param>
/// <param name="Failures">Every failed criterion, in words.</param>
public sealed record MassFunctionCheckResult(
    CheckCosmology Cosmology,
    CosmologyParameters Truth,
    int Seed,
    double PosteriorSigmaDex,
    int HaloesDrawn,
    int PosteriorsPublished,
    IReadOnlyList<MassFunctionUpdate> FinalUpdates,
    IReadOnlyList<BinComparison> Bins,
    double ObservedAboveLimit,
    double ExpectedAboveLimit,
    CosmologyPosterior CosmologyPosterior,
    double LogLikelihoodTruthMinusMax,
    double Level95MinusMax,
    bool TruthInside95,
    double IngestPosteriorsPerSecond,
    double FirstUpdateSeconds,
    double FinalUpdateSeconds,
    double RebuildPosteriorsPerSecond,
    bool? RestartReproducedCounts,
    IReadOnlyList<string> Failures)
{
    /// <summary>All criteria met.</summary>
    public bool Passed => Failures.Count == 0;
}
