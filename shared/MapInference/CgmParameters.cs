using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.MapInference;

/// <summary>
/// The six properties the CGM map models infer (reference sheet section 5; Gluck+2024), with units and the sheet's ranges
/// as priors, in the generator's target order (StreamProcessor.Maps.CgmTargets.Names): the one list the trainer writes
/// on its cards and the untrained bundle serves.
/// </summary>
public static class CgmParameters
{
    public static IReadOnlyList<ParameterDefinition> All { get; } =
    [
        new("log_m_halo", "dex(M_sun)", 11.5, 14.3, true, "halo", "log10 M200c of the halo"),
        new("f_cgm", "dimensionless", 0.0, 0.23, false, "cgm", "CGM mass fraction M_cgm / M200c (hot + cool gas within R200)"),
        new("log_z_cgm", "dex (metal mass fraction)", -3.6, -1.3, true, "cgm", "log10 of the mass-weighted metal mass fraction of the CGM"),
        new("log_m_cgm_200kpc", "dex(M_sun)", 8.0, 12.5, true, "cgm", "log10 of the CGM mass within a 200 kpc sphere"),
        new("f_cool", "dimensionless", 0.0, 1.0, false, "cgm", "cool-gas fraction of the CGM (about 1e4 K)"),
        new("log_t_cgm", "dex(K)", 3.9, 7.6, true, "cgm", "log10 of the mass-weighted CGM temperature"),
    ];
}
