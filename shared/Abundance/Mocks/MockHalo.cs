namespace StreamProcessor.Abundance.Mocks;

/// <summary>One halo of a mock light cone.</summary>
/// <param name="HaloId">Identifier, unique within the draw.</param>
/// <param name="RaDeg">Right ascension, degrees in [0, 360).</param>
/// <param name="DecDeg">Declination, degrees in [−90, 90].</param>
/// <param name="Redshift">Cosmological redshift.</param>
/// <param name="Log10M200c">log₁₀(M / h⁻¹ M☉) in the draw's mass definition (200c by default).</param>
public sealed record MockHalo(string HaloId, double RaDeg, double DecDeg, double Redshift, double Log10M200c);
