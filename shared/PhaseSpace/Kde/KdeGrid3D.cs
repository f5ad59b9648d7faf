namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Grid and bandwidth of the 3D (x, y, v_los) phase-space cube (reference sheet §4; Kodi Ramanah et al. 2020,
/// arXiv:2009.03340): bin centres over x, y in [-R_ap, R_ap] and v in [-v_cut, v_cut], 50^3 bins, scipy
/// <c>gaussian_kde</c> bandwidth factor 0.175.
/// </summary>
/// <remarks>
/// Layout is row-major <c>[x bin, y bin, v bin]</c> (v fastest): element <c>(i, j, k)</c> is at
/// <c>(i * PositionBins + j) * VelocityBins + k</c>; see <see cref="Index"/>. x points east, y north
/// (see <see cref="Projection.ClusterFrame"/>).
/// </remarks>
public sealed record KdeGrid3D
{
    /// <summary>Kodi Ramanah et al. (2020) settings: 50^3, 2200 km/s, 1.6 h^-1 Mpc, bandwidth 0.175.</summary>
    public static KdeGrid3D Default { get; } = new();

    /// <summary>Half-width of the velocity axis in km/s.</summary>
    public double VelocityCutKmPerS { get; init; } = 2200.0;

    /// <summary>Half-width of the x and y axes in h^-1 Mpc.</summary>
    public double ApertureRadiusMpcOverH { get; init; } = 1.6;

    /// <summary>Bins along x and along y.</summary>
    public int PositionBins { get; init; } = 50;

    public int VelocityBins { get; init; } = 50;

    /// <summary>scipy <c>bw_method</c> scalar: kernel covariance = Bandwidth^2 x data covariance (ddof = 1).</summary>
    public double Bandwidth { get; init; } = 0.175;

    /// <summary>Number of doubles in one image.</summary>
    public int ImageLength => PositionBins * PositionBins * VelocityBins;

    /// <summary>Flat index of bin (x bin, y bin, velocity bin).</summary>
    public int Index(int xBin, int yBin, int velocityBin) => (((xBin * PositionBins) + yBin) * VelocityBins) + velocityBin;

    /// <summary>Centre of position bin i (x or y): -R_ap + (i + 1/2) 2 R_ap / PositionBins.</summary>
    public double PositionBinCentreMpcOverH(int positionBin) =>
        -ApertureRadiusMpcOverH + ((positionBin + 0.5) * 2.0 * ApertureRadiusMpcOverH / PositionBins);

    /// <summary>Centre of velocity bin k: -v_cut + (k + 1/2) 2 v_cut / VelocityBins.</summary>
    public double VelocityBinCentreKmPerS(int velocityBin) =>
        -VelocityCutKmPerS + ((velocityBin + 0.5) * 2.0 * VelocityCutKmPerS / VelocityBins);

    /// <summary>Throws when a setting cannot describe a grid.</summary>
    public KdeGrid3D Validated()
    {
        if (!(VelocityCutKmPerS > 0 && double.IsFinite(VelocityCutKmPerS))) throw new ArgumentOutOfRangeException(nameof(VelocityCutKmPerS), VelocityCutKmPerS, "v_cut must be positive and finite.");
        if (!(ApertureRadiusMpcOverH > 0 && double.IsFinite(ApertureRadiusMpcOverH))) throw new ArgumentOutOfRangeException(nameof(ApertureRadiusMpcOverH), ApertureRadiusMpcOverH, "R_ap must be positive and finite.");
        if (PositionBins is < 2 or > 512) throw new ArgumentOutOfRangeException(nameof(PositionBins), PositionBins, "Position bins must lie in [2, 512].");
        if (VelocityBins is < 2 or > 512) throw new ArgumentOutOfRangeException(nameof(VelocityBins), VelocityBins, "Velocity bins must lie in [2, 512].");
        if (!(Bandwidth is > 0 and <= 10)) throw new ArgumentOutOfRangeException(nameof(Bandwidth), Bandwidth, "Bandwidth factor must lie in (0, 10].");
        return this;
    }
}
