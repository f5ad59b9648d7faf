namespace StreamProcessor.Maps;

/// <summary>One projection of a halo: the two idealised fields, 128 × 128 row-major by default.</summary>
/// <param name="Axis">Map-frame axis looked along (0 = x, 1 = y, 2 = z).</param>
/// <param name="Xray">Soft-band (0.5–2 keV) luminosity surface density Σ_L in erg s⁻¹ <b>pc</b>⁻² (1e-6 of the kpc⁻² value, which overflows float32 at cluster centres).</param>
/// <param name="Hi">HI column density N_HI in cm⁻².</param>
public sealed record HaloProjection(int Axis, float[] Xray, float[] Hi);

/// <summary>
/// One generated halo: exact targets and three idealised projections. Apply <see cref="SurveyLimits"/> to copies
/// of the maps for limited training. <see cref="GeneratorVersion"/> stamps the code that made it.
/// </summary>
public sealed record HaloSample(int Index, string ModelName, CgmTargets Targets, IReadOnlyList<HaloProjection> Projections, HaloRealisation Halo)
{
    /// <summary>Version of the generator's physics; bump when a profile, constant or draw order changes.</summary>
    public const string GeneratorVersion = "maps-1.0";
}
