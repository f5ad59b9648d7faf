using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>
/// The published mass a real cluster's posterior is compared with, as log10 M200c in h⁻¹ M☉ (the CNN's target).
/// </summary>
public static class ReferenceMass
{
    /// <summary>The h of the SPT-SZ mass convention (Bleem et al. 2015, ApJS 216, 27: masses for h = 0.7).</summary>
    public const double SzCatalogueH = 0.7;

    /// <summary>
    /// SZ M500c (M☉ for h = 0.7) → M200c (h⁻¹ M☉): masses scale as h⁻¹, so M[h⁻¹ M☉] = 0.7 M[M☉]; then the NFW
    /// conversion at fixed scale radius with the Duffy et al. (2008, arXiv:0804.2486) median c200c(M, z)
    /// (<see cref="OverdensityConversion"/>; reference sheet §2).
    /// </summary>
    public static double Log10M200cFromSz(double m500cMsun, double redshift, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m500cMsun);
        double m500cMsunOverH = m500cMsun * SzCatalogueH;
        return Math.Log10(OverdensityConversion.ConvertMassMsunOverH(
            m500cMsunOverH, redshift, Overdensity.Critical500, Overdensity.Critical200, cosmology));
    }

    /// <summary>
    /// A published galaxy velocity dispersion → M200c (h⁻¹ M☉) through the Munari et al. (2013, arXiv:1301.1682)
    /// galaxy M–σ relation; null outside its validity window.
    /// </summary>
    public static double? Log10M200cFromSigma(double sigmaKmPerS, double redshift, FlatLcdm cosmology) =>
        ScaledMSigmaRelation.Munari13Galaxies.TryM200cMsunOverH(sigmaKmPerS, redshift, cosmology, out double mass)
            ? Math.Log10(mass)
            : null;
}
