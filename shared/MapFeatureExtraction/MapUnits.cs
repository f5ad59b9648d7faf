using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MapFeatureExtraction;

/// <summary>
/// The pixel units a map may arrive in, and the factor to the physical unit of its channel: X-ray surface brightness
/// as rest-frame Σ_L in erg s^-1 pc^-2 (the map generator's unit: per kpc² overflows float32 in cluster cores), HI
/// column density in cm^-2.
/// </summary>
public static class MapUnits
{
    public const string XrayPerArcmin2 = "erg s^-1 cm^-2 arcmin^-2";
    public const string XrayPerArcsec2 = "erg s^-1 cm^-2 arcsec^-2";
    public const string XrayPhysical = "erg s^-1 pc^-2";
    public const string XrayPerKpc2 = "erg s^-1 kpc^-2";

    /// <summary>pc² in one kpc².</summary>
    public const double Pc2PerKpc2 = 1e6;
    public const string ColumnDensity = "cm^-2";

    /// <summary>
    /// S_X [erg s^-1 cm^-2 arcmin^-2] = 7.072e-52 Σ_L [erg s^-1 kpc^-2] (1+z)^-4 (shared/science/REFERENCE.md section 5):
    /// S = Σ_L / (4π (1+z)^4) per steradian (Tolman dimming), with 1 kpc² = (3.0857e21 cm)² and 1 arcmin² = (π/10800)² sr.
    /// </summary>
    public const double XrayArcmin2PerKpc2 = 7.072e-52;

    /// <summary>arcsec² in one arcmin².</summary>
    public const double Arcsec2PerArcmin2 = 3600.0;

    public static IReadOnlyList<string> Known(SkyMapFieldKind kind) => kind switch
    {
        SkyMapFieldKind.XraySurfaceBrightness => [XrayPerArcmin2, XrayPerArcsec2, XrayPhysical, XrayPerKpc2],
        SkyMapFieldKind.HiColumnDensity => [ColumnDensity],
        _ => [],
    };

    /// <summary>The factor from <paramref name="units"/> to the channel's physical unit at <paramref name="redshift"/>; null when the units are unknown for the kind.</summary>
    public static double? ToPhysical(SkyMapFieldKind kind, string units, double redshift)
    {
        double tolman = Math.Pow(1 + redshift, 4);
        return (kind, units.Trim()) switch
        {
            (SkyMapFieldKind.XraySurfaceBrightness, XrayPerArcmin2) => tolman / XrayArcmin2PerKpc2 / Pc2PerKpc2,
            (SkyMapFieldKind.XraySurfaceBrightness, XrayPerArcsec2) => Arcsec2PerArcmin2 * tolman / XrayArcmin2PerKpc2 / Pc2PerKpc2,
            (SkyMapFieldKind.XraySurfaceBrightness, XrayPhysical) => 1.0,
            (SkyMapFieldKind.XraySurfaceBrightness, XrayPerKpc2) => 1.0 / Pc2PerKpc2,
            (SkyMapFieldKind.HiColumnDensity, ColumnDensity) => 1.0,
            _ => null,
        };
    }

    /// <summary>An observed X-ray surface brightness (erg s^-1 cm^-2 arcmin^-2) as rest-frame Σ_L (erg s^-1 pc^-2) at <paramref name="redshift"/>.</summary>
    public static double XrayToPhysical(double ergPerSPerCm2PerArcmin2, double redshift) =>
        ergPerSPerCm2PerArcmin2 * Math.Pow(1 + redshift, 4) / XrayArcmin2PerKpc2 / Pc2PerKpc2;
}
