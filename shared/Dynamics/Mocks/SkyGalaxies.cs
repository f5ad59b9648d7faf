namespace StreamProcessor.Dynamics.Mocks;

/// <summary>Galaxies of one cluster on the sky: right ascension and declination in degrees (J2000-like), and redshift.</summary>
public sealed record SkyGalaxies(double[] RaDeg, double[] DecDeg, double[] Redshift);
