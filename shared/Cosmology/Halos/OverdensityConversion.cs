using MathNet.Numerics.RootFinding;

namespace StreamProcessor.Cosmology.Halos;

/// <summary>
/// Converts spherical-overdensity masses between definitions for an NFW halo whose scale radius r_s is fixed
/// (reference sheet §2; the relation Hu &amp; Kravtsov 2003, arXiv:astro-ph/0203169, Appendix C, approximate with a
/// fitting formula, solved here exactly by root finding): with M_Δ = (4π/3) Δ ρ_ref (c r_s)³ and
/// M_Δ = 4π ρ_s r_s³ μ(c), the new concentration c′ solves Δ′ ρ′_ref c′³ / μ(c′) = Δ ρ_ref c³ / μ(c), and
/// M′ = M μ(c′) / μ(c). Concentrations are the Duffy et al. (2008, arXiv:0804.2486) medians.
/// </summary>
/// <remarks>
/// Duffy's 200c and 200m fits are separate fits and do not describe the same haloes exactly (converting
/// M200c → M200m with c200c and back with c200m misses by a few per cent). So every conversion describes a halo by
/// one definition's mass–concentration relation (by default 200c): a mass in another definition is first mapped to
/// the M200c of the halo that has it (a 1-D root find), which makes conversions mutually consistent and round trips exact.
/// </remarks>
public static class OverdensityConversion
{
    private const double MinConcentration = 1e-2;
    private const double MaxConcentration = 1e3;
    private const double RootAccuracy = 1e-12;

    /// <summary>
    /// M in <paramref name="to"/> (h⁻¹ M☉) of the halo whose mass in <paramref name="from"/> is
    /// <paramref name="massMsunOverH"/> at redshift z, with Duffy+08 median concentrations in
    /// <paramref name="concentrationDefinition"/> (200c by default; 200m also allowed).
    /// </summary>
    public static double ConvertMassMsunOverH(
        double massMsunOverH, double redshift, Overdensity from, Overdensity to, FlatLcdm cosmology, Overdensity? concentrationDefinition = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(cosmology);
        Overdensity pivot = concentrationDefinition ?? Overdensity.Critical200;
        if (!HasDuffyFit(pivot))
            throw new ArgumentOutOfRangeException(nameof(concentrationDefinition), pivot, "Duffy+08 concentrations exist for 200c and 200m only.");
        if (from == to) return massMsunOverH;

        double pivotMass = massMsunOverH;
        if (from != pivot)
        {
            // The map M_pivot → M_from is monotonic and within a factor 30 for any Δ between ~50 and ~5000.
            double lnTarget = Math.Log(massMsunOverH);
            pivotMass = Math.Exp(Brent.FindRoot(
                lnM => Math.Log(FromPivot(Math.Exp(lnM), redshift, pivot, from, cosmology)) - lnTarget,
                lnTarget - Math.Log(30.0),
                lnTarget + Math.Log(30.0),
                RootAccuracy,
                200));
        }

        return FromPivot(pivotMass, redshift, pivot, to, cosmology);
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

    private static double FromPivot(double pivotMass, double redshift, Overdensity pivot, Overdensity to, FlatLcdm cosmology)
    {
        if (to == pivot) return pivotMass;
        double concentration = DuffyConcentration.Median(pivotMass, redshift, pivot);
        return ConvertWithConcentration(pivotMass, concentration, redshift, pivot, to, cosmology).MassMsunOverH;
    }

    private static double LnShape(double concentration) => (3.0 * Math.Log(concentration)) - Math.Log(Nfw.Mu(concentration));

    private static bool HasDuffyFit(Overdensity overdensity) =>
        overdensity == Overdensity.Critical200 || overdensity == Overdensity.Mean200;
}
