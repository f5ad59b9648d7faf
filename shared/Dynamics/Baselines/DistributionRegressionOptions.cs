namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// Settings of <see cref="DistributionRegressionFitter"/>: the random-feature draw and the grids the bandwidth and λ are
/// chosen from on held-out clusters. Bandwidths are in the scaled coordinates (R/1.6 h⁻¹ Mpc, |v|/2200 km/s, both in
/// [0, 1] inside the cylinder); 0.05–0.4 brackets the 2D KDE's own bandwidth (0.25 × the sample's spread ≈ 0.07, reference
/// sheet §4) up to a kernel that sees only the sample's overall width. 256 features keep a 40,000-cluster fit at a
/// minute on two cores; the card records the count.
/// </summary>
public sealed record DistributionRegressionOptions
{
    public ulong Seed { get; init; } = 20150501;

    public int FeatureCount { get; init; } = 256;

    public IReadOnlyList<double> Bandwidths { get; init; } = [0.05, 0.1, 0.2, 0.4];

    /// <summary>λ per sample (the penalty is λ n).</summary>
    public IReadOnlyList<double> RidgeLambdas { get; init; } = [1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3];

    public double RadiusScaleMpcOverH { get; init; } = DistributionEmbedding.DefaultRadiusScaleMpcOverH;

    public double VelocityScaleKmPerS { get; init; } = DistributionEmbedding.DefaultVelocityScaleKmPerS;

    /// <summary>Worker threads for the embeddings (−1: all cores). The result does not depend on it.</summary>
    public int Threads { get; init; } = -1;
}
