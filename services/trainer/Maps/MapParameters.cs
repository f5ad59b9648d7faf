using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// The six CGM properties the map CNNs infer (reference sheet section 5; Gluck+2024), with units and the sheet's ranges
/// as priors, in the generator's target order (StreamProcessor.Maps.CgmTargets.Names).
/// </summary>
internal static class MapParameters
{
    public static IReadOnlyList<ParameterDefinition> Cgm { get; } =
    [
        new("log_m_halo", "dex(M_sun)", 11.5, 14.3, true, "halo", "log10 M200c of the halo"),
        new("f_cgm", "dimensionless", 0.0, 0.23, false, "cgm", "CGM mass fraction M_cgm / M200c (hot + cool gas within R200)"),
        new("log_z_cgm", "dex (metal mass fraction)", -3.6, -1.3, true, "cgm", "log10 of the mass-weighted metal mass fraction of the CGM"),
        new("log_m_cgm_200kpc", "dex(M_sun)", 8.0, 12.5, true, "cgm", "log10 of the CGM mass within a 200 kpc sphere"),
        new("f_cool", "dimensionless", 0.0, 1.0, false, "cgm", "cool-gas fraction of the CGM (about 1e4 K)"),
        new("log_t_cgm", "dex(K)", 3.9, 7.6, true, "cgm", "log10 of the mass-weighted CGM temperature"),
    ];

    /// <summary>The cluster-mass CNN's one parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> MassOnly { get; } = [Cgm[0] with { PriorMin = 13.0, PriorMax = 14.3 }];

    /// <summary>Halo classes of the per-class metrics (Gluck+2024): sub-L*, L*, groups.</summary>
    public static readonly IReadOnlyList<(string Name, double Min, double Max)> MassClasses =
    [
        ("sub-L* (10^11.5-10^12)", 11.5, 12.0),
        ("L* (10^12-10^13)", 12.0, 13.0),
        ("groups (10^13-10^14.3)", 13.0, 14.31),
    ];
}
