namespace StreamProcessor.Cosmology;

/// <summary>Physical constants with units in the name; sources cited.</summary>
public static class PhysicalConstants
{
    /// <summary>Speed of light in km/s (exact, SI definition).</summary>
    public const double SpeedOfLightKmPerS = 299792.458;

    /// <summary>ρ_c(z=0) / h² in M☉ Mpc⁻³ (3 H0² / 8πG with H0 = 100 h km/s/Mpc); same as colossus RHO_CRIT_0_MPC3.</summary>
    public const double RhoCrit0H2MsunPerMpc3 = 2.77536627245708e11;

    /// <summary>Newton's G in Mpc (km/s)² / M☉ (IAU 2015 nominal GM☉ with 1 pc = 3.0856775814913673e13 km).</summary>
    public const double GravitationalConstantMpcKm2PerS2PerMsun = 4.300917270069976e-9;

    /// <summary>Hubble distance c / H0 in h⁻¹ Mpc.</summary>
    public const double HubbleDistanceMpcOverH = SpeedOfLightKmPerS / 100.0;
}
