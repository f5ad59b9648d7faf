namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Grid and bandwidth of the 2D (v_los, R_proj) phase-space image (reference sheet §4): bin centres over
/// v in [-v_cut, v_cut] and R in [0, R_ap]; Ho et al. (2019), arXiv:1902.05950, use 48 x 48 bins, v_cut = 2200 km/s,
/// R_ap = 1.6 h^-1 Mpc and a scipy <c>gaussian_kde</c> bandwidth factor of 0.25.
/// </summary>
/// <remarks>
/// Image layout is row-major <c>[velocity bin, radius bin]</c>: velocity is the row (slow) index, radius the column
/// (fast) index, so element <c>(i, j)</c> is at <c>i * RadiusBins + j</c>; see <see cref="Index"/>.
/// </remarks>
public sealed record KdeGrid2D
{
    /// <summary>Ho et al. (2019) settings: 48 x 48, 2200 km/s, 1.6 h^-1 Mpc, bandwidth 0.25.</summary>
    public static KdeGrid2D Default { get; } = new();

    /// <summary>Half-width of the velocity axis in km/s.</summary>
    public double VelocityCutKmPerS { get; init; } = 2200.0;

    /// <summary>Outer edge of the projected-radius axis in h^-1 Mpc.</summary>
    public double ApertureRadiusMpcOverH { get; init; } = 1.6;

    public int VelocityBins { get; init; } = 48;

    public int RadiusBins { get; init; } = 48;

    /// <summary>scipy <c>bw_method</c> scalar: kernel covariance = Bandwidth^2 x data covariance (ddof = 1).</summary>
    public double Bandwidth { get; init; } = 0.25;

    /// <summary>Number of doubles in one image.</summary>
    public int ImageLength => VelocityBins * RadiusBins;

    /// <summary>Flat index of bin (velocity bin, radius bin).</summary>
    public int Index(int velocityBin, int radiusBin) => (velocityBin * RadiusBins) + radiusBin;

    /// <summary>Centre of velocity bin i: -v_cut + (i + 1/2) 2 v_cut / VelocityBins.</summary>
    public double VelocityBinCentreKmPerS(int velocityBin) =>
        -VelocityCutKmPerS + ((velocityBin + 0.5) * 2.0 * VelocityCutKmPerS / VelocityBins);

    /// <summary>Centre of radius bin j: (j + 1/2) R_ap / RadiusBins.</summary>
    public double RadiusBinCentreMpcOverH(int radiusBin) => (radiusBin + 0.5) * ApertureRadiusMpcOverH / RadiusBins;

    /// <summary>Throws when a setting cannot describe a grid.</summary>
    public KdeGrid2D Validated()
    {
        if (!(VelocityCutKmPerS > 0 && double.IsFinite(VelocityCutKmPerS))) throw new ArgumentOutOfRangeException(nameof(VelocityCutKmPerS), VelocityCutKmPerS, "v_cut must be positive and finite.");
        if (!(ApertureRadiusMpcOverH > 0 && double.IsFinite(ApertureRadiusMpcOverH))) throw new ArgumentOutOfRangeException(nameof(ApertureRadiusMpcOverH), ApertureRadiusMpcOverH, "R_ap must be positive and finite.");
        if (VelocityBins is < 2 or > 4096) throw new ArgumentOutOfRangeException(nameof(VelocityBins), VelocityBins, "Velocity bins must lie in [2, 4096].");
        if (RadiusBins is < 2 or > 4096) throw new ArgumentOutOfRangeException(nameof(RadiusBins), RadiusBins, "Radius bins must lie in [2, 4096].");
        if (!(Bandwidth is > 0 and <= 10)) throw new ArgumentOutOfRangeException(nameof(Bandwidth), Bandwidth, "Bandwidth factor must lie in (0, 10].");
        return this;
    }
}
