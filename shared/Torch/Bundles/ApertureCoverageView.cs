namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// One training view as <see cref="ApertureCoverageBuilder"/> sees it: its kept galaxies, its redshift, and its
/// statistic (<see cref="ApertureCoverage.Statistic(IReadOnlyList{double}, double, double)"/>: reach / R_σ).
/// </summary>
public readonly record struct ApertureCoverageView(int Richness, double Redshift, double Statistic);
