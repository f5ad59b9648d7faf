namespace StreamProcessor.PhaseSpace.Projection;

/// <summary>
/// One galaxy in cluster-centric phase space (see <see cref="ClusterFrame"/>): tangent-plane offsets east
/// (<see cref="XMpcOverH"/>) and north (<see cref="YMpcOverH"/>), projected radius, and line-of-sight velocity.
/// X^2 + Y^2 = R_proj^2 exactly (zenithal equidistant projection).
/// </summary>
public readonly record struct ProjectedGalaxy(
    double XMpcOverH, double YMpcOverH, double ProjectedRadiusMpcOverH, double LineOfSightVelocityKmPerS);
