namespace StreamProcessor.Emulation.Profiles;

/// <summary>
/// The five radial profiles of a stack (reference sheet section 6). Every model input is the log10 of one kind at
/// one radius; the units are those of CAMELS-zoomGZ28 (../shared/data/camels-zoomgz28/README.md).
/// </summary>
public enum ProfileKind
{
    /// <summary>Gas number density n_gas, cm^-3 (3D, spherical shells).</summary>
    GasDensity,

    /// <summary>Mass-weighted gas temperature, keV (3D).</summary>
    GasTemperature,

    /// <summary>Gas metallicity, Z_sun (3D).</summary>
    GasMetallicity,

    /// <summary>Soft-band X-ray surface brightness, projected; relative units of the training data.</summary>
    XraySurfaceBrightness,

    /// <summary>Compton-y, projected, dimensionless; derived from n_gas and T_gas (<see cref="ComptonY"/>).</summary>
    ComptonY,
}
