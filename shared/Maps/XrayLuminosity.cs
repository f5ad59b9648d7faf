namespace StreamProcessor.Maps;

/// <summary>
/// Soft-band (0.5–2 keV) luminosity of a halo's hot gas inside a sphere, for the M–L_X power-law baseline of the
/// cluster-mass CNN. Smooth gas only: satellite coronae are excluded, as point sources would be in a survey.
/// </summary>
public static class XrayLuminosity
{
    /// <summary>L_X(&lt; R500c) in erg s⁻¹.</summary>
    public static double WithinR500ErgPerS(HaloRealisation halo)
    {
        ArgumentNullException.ThrowIfNull(halo);
        return halo.Gas.LuminosityWithinSphereErgPerS(halo.R500Kpc);
    }

    /// <summary>L_X(&lt; R200c) in erg s⁻¹: all of the model's hot gas.</summary>
    public static double WithinR200ErgPerS(HaloRealisation halo)
    {
        ArgumentNullException.ThrowIfNull(halo);
        return halo.Gas.LuminosityWithinSphereErgPerS(halo.R200Kpc);
    }
}
