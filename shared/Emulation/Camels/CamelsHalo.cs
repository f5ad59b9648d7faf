using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Camels;

/// <summary>
/// One zoom-in halo of CAMELS-zoomGZ28: its 28 parameters, mass, initial-condition seed and four measured profiles
/// (log10, on the dataset's 30 radial bins).
/// </summary>
/// <param name="ZoomId">zoom_N of the suite.</param>
/// <param name="Seed">Initial-condition seed; a base halo and its surrogate share it (a CARPool pair).</param>
/// <param name="Parameters">The 28 parameter values in param_ranges.csv order.</param>
/// <param name="Log10HaloMass">log10 of the halo's measured mass (halo_mass.csv).</param>
/// <param name="Log10Profiles">log10 profile per measured kind (n_gas, T_gas, Z_gas, xsb), one value per radius.</param>
public sealed record CamelsHalo(
    int ZoomId,
    int Seed,
    IReadOnlyList<double> Parameters,
    double Log10HaloMass,
    IReadOnlyDictionary<ProfileKind, double[]> Log10Profiles);
