namespace StreamProcessor.Maps;

/// <summary>
/// One drawn halo: everything the maps and the targets are computed from, so the truth is exact. Lengths are
/// physical kpc and masses M☉ (no h). The map frame is the frame the three projections look along.
/// </summary>
public sealed record HaloRealisation
{
    public required int Index { get; init; }
    public required string ModelName { get; init; }

    /// <summary>log10 M200c in M☉.</summary>
    public required double Log10MassMsun { get; init; }

    /// <summary>c200c (Duffy+08 median times its log-normal scatter).</summary>
    public required double Concentration { get; init; }

    public required double R200Kpc { get; init; }
    public required double R500Kpc { get; init; }

    /// <summary>T_vir = μ m_p V200² / (2 k_B) (Barkana &amp; Loeb 2001, Phys. Rep. 349, 125, Eq. 26 with V_c = V200).</summary>
    public required double VirialTemperatureK { get; init; }

    /// <summary>Gas axis ratios b/a and c/a (c ≤ b ≤ a).</summary>
    public required double AxisRatioBA { get; init; }
    public required double AxisRatioCA { get; init; }

    /// <summary>Gas principal axes in the map frame (columns).</summary>
    public required Rotation3 Orientation { get; init; }

    /// <summary>f_ret with its scatter: f_cgm = f_b f_ret.</summary>
    public required double RetainedFraction { get; init; }

    public required double CoolFraction { get; init; }

    public required GasProfiles Gas { get; init; }

    /// <summary>The central galaxy's HI disc, at the halo centre.</summary>
    public required HiDisc CentralDisc { get; init; }

    /// <summary>Unit spin axis of the central disc in the map frame.</summary>
    public required (double X, double Y, double Z) CentralDiscNormal { get; init; }

    public required IReadOnlyList<Satellite> Satellites { get; init; }

    /// <summary>Projected soft-band emissivity table of the hot gas (erg s⁻¹ kpc⁻² before the 1/√A_kk factor).</summary>
    public required ProjectedProfileTable XrayTable { get; init; }

    /// <summary>Projected HI density table of the cool gas (M☉ kpc⁻² before the 1/√A_kk factor).</summary>
    public required ProjectedProfileTable CoolHiTable { get; init; }

    public double MassMsun => Math.Pow(10, Log10MassMsun);

    /// <summary>The projection geometry of the gas ellipsoid along map-frame axis 0, 1 or 2.</summary>
    public ProjectionGeometry Projection(int axis) => ProjectionGeometry.Create(Orientation, AxisRatioBA, AxisRatioCA, axis);

    /// <summary>m² of a map-frame point (kpc²) for the gas ellipsoid.</summary>
    public double EllipsoidalRadiusSquared(double x, double y, double z) =>
        ProjectionGeometry.EllipsoidalRadiusSquared(Orientation, AxisRatioBA, AxisRatioCA, x, y, z);
}
