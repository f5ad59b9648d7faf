namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// The six CGM targets a simulated sky map carries as true values, in this order (shared/science/REFERENCE.md section 5):
/// log10 halo mass (Msun), f_cgm = M_cgm / M_halo, log10 Z_cgm, log10 M_cgm within 200 kpc (Msun), the cool-gas
/// fraction f_cool and log10 T_cgm (K).
/// </summary>
public static class SkyMapTargets
{
    public static IReadOnlyList<string> Names { get; } =
        ["log10_halo_mass", "f_cgm", "log10_z_cgm", "log10_m_cgm_200kpc", "f_cool", "log10_t_cgm"];
}
