namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// The output of one simulator run: the pure catalogue (members only) and the contaminated one (members plus
/// interlopers) from the same draw, ordered by (HaloId, LineOfSight). Each catalogue keeps a (halo, line of sight)
/// only if it passes the richness cut on its own galaxy count, so the two lists need not pair one to one; join
/// them on (HaloId, LineOfSight).
/// </summary>
public sealed record MockCatalogue(
    IReadOnlyList<ProjectedCluster> Pure,
    IReadOnlyList<ProjectedCluster> Contaminated,
    int HaloCount,
    ulong Seed,
    MockCatalogueOptions Options);
