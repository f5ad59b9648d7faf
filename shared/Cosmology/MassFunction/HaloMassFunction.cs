using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.MassFunction;

/// <summary>
/// Tinker et al. (2008) halo mass function, arXiv:0803.2706 Eq. 2: dn/dln M = f(σ) (ρ̄_m / M) |dln σ/dln M|,
/// comoving h³ Mpc⁻³, for any spherical-overdensity definition whose Δ_m = Δ/Ω_m(z) (critical) or Δ (mean)
/// lies in 200–3200 (so 200m, 200c and 500c at the usual redshifts). M is in h⁻¹ M☉ of that definition.
/// </summary>
public static class HaloMassFunction
{
    /// <summary>dn/dln M in h³ Mpc⁻³ (comoving).</summary>
    public static double DnDlnMH3PerMpc3(double massMsunOverH, double redshift, Overdensity overdensity, FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(overdensity);
        ArgumentNullException.ThrowIfNull(cosmology);
        SigmaTable table = SigmaTable.For(cosmology);
        double sigma = cosmology.Sigma8 * table.SigmaOverSigma8(massMsunOverH) * LinearGrowth.Factor(redshift, cosmology);
        TinkerParameters parameters = Tinker08.Parameters(overdensity.DeltaMean(redshift, cosmology), redshift);
        double rhoMean = Background.MeanMatterDensityH2MsunPerMpc3(cosmology);
        return Tinker08.Multiplicity(sigma, parameters) * rhoMean / massMsunOverH * Math.Abs(table.DlnSigmaDlnM(massMsunOverH));
    }

    /// <summary>dn/dlog₁₀ M = ln(10) dn/dln M, in h³ Mpc⁻³ dex⁻¹ (comoving).</summary>
    public static double DnDlog10MH3PerMpc3(double massMsunOverH, double redshift, Overdensity overdensity, FlatLcdm cosmology) =>
        Math.Log(10.0) * DnDlnMH3PerMpc3(massMsunOverH, redshift, overdensity, cosmology);
}
