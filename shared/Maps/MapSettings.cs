using StreamProcessor.Cosmology;

namespace StreamProcessor.Maps;

/// <summary>
/// Geometry and sampling of the generated maps (reference sheet §5: 128 × 128 pixels of 4 kpc, ±1 virial-scale depth).
/// The depth is fixed at ±R200 along each line of sight; it holds all the model gas (truncated at R200 along its
/// major axis), so no setting can cut it.
/// </summary>
public sealed record MapSettings
{
    /// <summary>Pixels per side.</summary>
    public int Pixels { get; init; } = 128;

    /// <summary>Physical pixel size in kpc (no h).</summary>
    public double PixelSizeKpc { get; init; } = 4.0;

    /// <summary>Redshift of the haloes (sets ρ_c(z), R200 and the Duffy+08 concentration).</summary>
    public double Redshift { get; init; }

    /// <summary>Range from which log M200c is drawn flat.</summary>
    public HaloMassRange MassRange { get; init; } = HaloMassRange.Cgm;

    /// <summary>Paint satellites (HI discs and X-ray clumps); off isolates the smooth halo for conservation checks.</summary>
    public bool IncludeSatellites { get; init; } = true;

    /// <summary>Background cosmology (Planck 2018 by default, reference sheet §1); passed in, never global.</summary>
    public FlatLcdm Cosmology { get; init; } = FlatLcdm.Planck18;

    /// <summary>Side length of a map in kpc.</summary>
    public double WidthKpc => Pixels * PixelSizeKpc;

    /// <summary>Area of one pixel in kpc².</summary>
    public double PixelAreaKpc2 => PixelSizeKpc * PixelSizeKpc;

    /// <summary>The CGM preset of the reference sheet (the defaults).</summary>
    public static MapSettings Cgm { get; } = new();

    /// <summary>The cluster preset: the same maps for 10^13–10^14.3 M☉ haloes.</summary>
    public static MapSettings Clusters { get; } = new() { MassRange = HaloMassRange.Clusters };

    /// <summary>Throws on a setting that would make a map meaningless.</summary>
    public MapSettings Validated()
    {
        if (!(Pixels is >= 8 and <= 2048)) throw new ArgumentOutOfRangeException(nameof(Pixels), Pixels, "Must lie in [8, 2048].");
        if (!(PixelSizeKpc is > 0.05 and < 100)) throw new ArgumentOutOfRangeException(nameof(PixelSizeKpc), PixelSizeKpc, "Must lie in (0.05, 100) kpc.");
        if (!(Redshift is >= 0 and <= 3)) throw new ArgumentOutOfRangeException(nameof(Redshift), Redshift, "Must lie in [0, 3].");
        ArgumentNullException.ThrowIfNull(MassRange);
        MassRange.Validated();
        ArgumentNullException.ThrowIfNull(Cosmology);
        Cosmology.Validated();
        return this;
    }
}
