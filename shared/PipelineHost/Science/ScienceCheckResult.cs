using StreamProcessor.Contracts.Messages;
using StreamProcessor.MassFunctionAggregation.Check;

namespace StreamProcessor.PipelineHost.Science;

/// <summary>What <c>pipeline science-check</c> found; <see cref="Passed"/> when <see cref="Failures"/> is empty.</summary>
/// <param name="Cosmology">The drawn universe.</param>
/// <param name="Truth">Its parameters.</param>
/// <param name="Seed">Light-cone seed.</param>
/// <param name="SkyAreaDeg2">Sky area, deg².</param>
/// <param name="HaloesDrawn">Haloes in the light cone (above the candidate floor).</param>
/// <param name="CataloguesPublished">Member catalogues that passed the simulator's richness cut, published to catalogues.</param>
/// <param name="PosteriorsAccepted">Posteriors the catalogue path accepted.</param>
/// <param name="CompletenessLimitLog10M">The fit's lowest mass edge.</param>
/// <param name="FinalUpdates">The updates that include every posterior, as read from massfunction.</param>
/// <param name="Criteria">The shared criteria's findings.</param>
/// <param name="WallSeconds">Whole run, seconds.</param>
/// <param name="Failures">Every failed criterion, in words.</param>
public sealed record ScienceCheckResult(
    CheckCosmology Cosmology,
    CosmologyParameters Truth,
    int Seed,
    double SkyAreaDeg2,
    int HaloesDrawn,
    int CataloguesPublished,
    int PosteriorsAccepted,
    double CompletenessLimitLog10M,
    IReadOnlyList<MassFunctionUpdate> FinalUpdates,
    ScienceCriteriaResult Criteria,
    double WallSeconds,
    IReadOnlyList<string> Failures)
{
    /// <summary>All criteria met.</summary>
    public bool Passed => Failures.Count == 0;
}
