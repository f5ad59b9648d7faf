namespace StreamProcessor.Contracts.Messages;

/// <summary>One member galaxy of a <see cref="ClusterCatalogue"/>; it needs a redshift or a line-of-sight velocity (or both).</summary>
/// <param name="RaDeg">Right ascension, degrees in [0, 360).</param>
/// <param name="DecDeg">Declination, degrees in [-90, 90].</param>
/// <param name="Redshift">Spectroscopic redshift (observed frame), or null when only the velocity is known.</param>
/// <param name="VLosKmPerS">Line-of-sight velocity relative to the cluster, km/s, or null when only the redshift is known.</param>
/// <param name="Magnitude">Apparent magnitude in the survey's band, or null when not measured.</param>
/// <param name="ProjectedRadiusMpcOverH">Projected distance from the cluster centre in h^-1 Mpc (comoving), or null when not given.</param>
public sealed record ClusterMember(
    double RaDeg,
    double DecDeg,
    double? Redshift,
    double? VLosKmPerS,
    double? Magnitude = null,
    double? ProjectedRadiusMpcOverH = null);
