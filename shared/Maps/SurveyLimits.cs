namespace StreamProcessor.Maps;

/// <summary>
/// Detection floors of a survey profile (reference sheet §5: "pixels below the detection limit are set to the floor
/// value"). Applied to copies, so one generated halo serves idealised and limited training alike.
/// </summary>
/// <param name="Name">Profile name.</param>
/// <param name="XrayFloorErgPerSPerCm2PerArcmin2">Soft-band surface-brightness floor; 0 for none.</param>
/// <param name="HiFloorCm2">HI column-density floor; 0 for none.</param>
/// <param name="ObservationRedshift">Redshift at which the haloes are observed (cosmological dimming of the X-ray floor).</param>
public sealed record SurveyLimits(string Name, double XrayFloorErgPerSPerCm2PerArcmin2, double HiFloorCm2, double ObservationRedshift)
{
    /// <summary>
    /// S_X [erg s⁻¹ cm⁻² arcmin⁻²] = 7.072e-52 Σ_L [erg s⁻¹ kpc⁻²] (1+z)⁻⁴ (reference sheet §5): Σ_L / (4π (1+z)⁴ kpc²)
    /// per steradian, times (π/10800)² sr per arcmin².
    /// </summary>
    public const double SurfaceBrightnessPerLuminosityDensity = 7.072e-52;

    /// <summary>No floors: the maps as generated.</summary>
    public static SurveyLimits Idealised { get; } = new("Idealised", 0, 0, 0);

    /// <summary>
    /// eRASS:4-like X-ray floor of 1e-15 erg s⁻¹ cm⁻² arcmin⁻² (reference sheet §5: an <i>estimate</i> of order
    /// 1e-15–1e-14) and a MHONGOOSE-like HI floor of 3e19 cm⁻² at ~15″ (a <i>derived estimate</i>), at z = 0.01.
    /// </summary>
    public static SurveyLimits Erass4Mhongoose { get; } = new("Erass4Mhongoose", 1e-15, 3e19, 0.01);

    /// <summary>S_X of a luminosity surface density Σ_L seen at redshift z.</summary>
    public static double SurfaceBrightnessFromLuminosityDensity(double luminosityDensityErgPerSPerKpc2, double redshift)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(redshift);
        return SurfaceBrightnessPerLuminosityDensity * luminosityDensityErgPerSPerKpc2 / Math.Pow(1 + redshift, 4);
    }

    /// <summary>The X-ray floor as Σ_L in erg s⁻¹ kpc⁻².</summary>
    public double XrayFloorErgPerSPerKpc2 =>
        XrayFloorErgPerSPerCm2PerArcmin2 * Math.Pow(1 + ObservationRedshift, 4) / SurfaceBrightnessPerLuminosityDensity;

    /// <summary>The X-ray floor in the map unit, erg s⁻¹ pc⁻² (<see cref="HaloProjection.Xray"/>).</summary>
    public double XrayFloorErgPerSPerPc2 => XrayFloorErgPerSPerKpc2 * GasConstants.PerKpc2ToPerPc2;

    /// <summary>A copy of an X-ray map (erg s⁻¹ pc⁻²) with every pixel below the floor raised to it.</summary>
    public float[] ApplyToXray(ReadOnlySpan<float> map) => ApplyFloor(map, XrayFloorErgPerSPerPc2);

    /// <summary>A copy of an HI map with every pixel below the floor raised to it.</summary>
    public float[] ApplyToHi(ReadOnlySpan<float> map) => ApplyFloor(map, HiFloorCm2);

    /// <summary>Throws on a negative floor or redshift.</summary>
    public SurveyLimits Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentOutOfRangeException.ThrowIfNegative(XrayFloorErgPerSPerCm2PerArcmin2);
        ArgumentOutOfRangeException.ThrowIfNegative(HiFloorCm2);
        ArgumentOutOfRangeException.ThrowIfNegative(ObservationRedshift);
        return this;
    }

    private static float[] ApplyFloor(ReadOnlySpan<float> map, double floor)
    {
        var copy = map.ToArray();
        float f = (float)floor;
        if (f <= 0) return copy;
        for (int i = 0; i < copy.Length; i++)
        {
            if (copy[i] < f) copy[i] = f;
        }
        return copy;
    }
}
