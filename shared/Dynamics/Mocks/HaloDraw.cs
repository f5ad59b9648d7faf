namespace StreamProcessor.Dynamics.Mocks;

/// <summary>One simulated halo and what its lines of sight show (already cut to N ≥ MinimumGalaxyCount per catalogue).</summary>
public sealed record HaloDraw(
    int HaloId,
    double Log10M200c,
    double Redshift,
    double Concentration,
    IReadOnlyList<ProjectedCluster> Pure,
    IReadOnlyList<ProjectedCluster> Contaminated);
