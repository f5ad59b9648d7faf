using MathNet.Numerics.RootFinding;

namespace StreamProcessor.Cosmology.Halos;

/// <summary>
/// Converts spherical-overdensity masses between definitions for an NFW halo whose scale radius r_s is fixed
/// (reference sheet §2; the relation Hu &amp; Kravtsov 2003, arXiv:astro-ph/0203169, Appendix C, approximate with a
/// fitting formula, solved here exactly by root finding): with
/// M_Δ = (4π/3) Δ ρ_ref (c r_s)³ and M_Δ = 4π ρ_s r_s³ μ(c), the new concentration c′ solves
/// Δ′ ρ′_ref c′³ / μ(c′) = Δ ρ_ref c³ / μ(c), and M′ = M μ(c′) / μ(c). The concentration comes from
/// Duffy et al. (2008, arXiv:0804.2486) for the 200c or 200m input; other inputs (e.g. 500c) are handled by
/// finding the M200c that converts to them.
/// </summary>
public static class OverdensityConversion
{
    private const double MinConcentration = 1e-2;
    private const double MaxConcentration = 1e3;
    private const double RootAccuracy = 1e-12;

    /// <summary>M in <paramref name="to"/> for a halo of mass M in <paramref name="from"/> (h⁻¹ M☉) at z, Duffy+08 median c.</summary>
    public static double ConvertMassMsunOverH(double massMsunOverH, double redshift, Overdensity from, Overdensity to, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to) return massMsunOverH;
        if (HasDuffyFit(from))
        {
            double concentration = DuffyConcentration.Median(massMsunOverH, redshift, from);
            return ConvertWithConcentration(massMsunOverH, concentration, redshift, from, to, cosmology).MassMsunOverH;
        }

        // No concentration fit for 'from': find the M200c whose 200c → 'from' conversion gives the input mass,
        // then convert that halo to 'to'. The map M200c → M_from is monotonic, so a bracket of ×/÷ 30 suffices
        // for any Δ between 50 and 5000.
        Overdensity pivot = Overdensity.Critical200;
        double lnTarget = Math.Log(massMsunOverH);
        double lnPivot = Brent.FindRoot(
            lnM => Math.Log(ConvertMassMsunOverH(Math.Exp(lnM), redshift, pivot, from, cosmology)) - lnTarget,
            lnTarget - Math.Log(30.0),
            lnTarget + Math.Log(30.0),
            RootAccuracy,
            200);
        return ConvertMassMsunOverH(Math.Exp(lnPivot), redshift, pivot, to, cosmology);
    }

    /// <summary>
    /// The fixed-r_s conversion for a given concentration c in the input definition: returns M′ (h⁻¹ M☉) and c′.
    /// </summary>
    public static (double MassMsunOverH, double Concentration) ConvertWithConcentration(
        double massMsunOverH, double concentration, double redshift, Overdensity from, Overdensity to, FlatLcdm cosmology)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concentration);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(cosmology);

        double densityFrom = from.Delta * from.ReferenceDensityH2MsunPerMpc3(redshift, cosmology);
        double densityTo = to.Delta * to.ReferenceDensityH2MsunPerMpc3(redshift, cosmology);

        // ln[c′³/μ(c′)] = ln[c³/μ(c)] + ln(Δρ_ref / Δ′ρ′_ref); c³/μ(c) rises monotonically, so the root is unique.
        double target = LnShape(concentration) + Math.Log(densityFrom / densityTo);
        double newConcentration = Math.Exp(Brent.FindRoot(
            lnC => LnShape(Math.Exp(lnC)) - target,
            Math.Log(MinConcentration),
            Math.Log(MaxConcentration),
            RootAccuracy,
            200));
        double newMass = massMsunOverH * Nfw.Mu(newConcentration) / Nfw.Mu(concentration);
        return (newMass, newConcentration);
    }

    private static double LnShape(double concentration) => (3.0 * Math.Log(concentration)) - Math.Log(Nfw.Mu(concentration));

    private static bool HasDuffyFit(Overdensity overdensity) =>
        overdensity == Overdensity.Critical200 || overdensity == Overdensity.Mean200;
}
