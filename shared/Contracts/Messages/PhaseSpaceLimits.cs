namespace StreamProcessor.Contracts.Messages;

/// <summary>The observational limits applied to select phase-space members.</summary>
/// <param name="Profile">Name of the limit profile (for example "ho2019").</param>
/// <param name="ApertureRadiusMpcOverH">Members kept with R_proj below this, h^-1 Mpc.</param>
/// <param name="VelocityCutKmPerS">Members kept with |v_los| below this, km/s.</param>
/// <param name="MagnitudeLimit">Apparent magnitude limit, or null when none.</param>
/// <param name="MinimumMembers">Clusters with fewer kept members are rejected.</param>
public sealed record PhaseSpaceLimits(
    string Profile,
    double ApertureRadiusMpcOverH,
    double VelocityCutKmPerS,
    double? MagnitudeLimit,
    int MinimumMembers);
