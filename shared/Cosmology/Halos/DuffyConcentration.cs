namespace StreamProcessor.Cosmology.Halos;

/// <summary>
/// Mass–concentration relation of Duffy et al. (2008), arXiv:0804.2486, Table 1 ("full" sample, NFW fits,
/// 0 &lt; z &lt; 2): c = A (M / M_pivot)^B (1+z)^C with M_pivot = 2e12 h⁻¹ M☉. Calibrated for
/// 1e11–1e15 h⁻¹ M☉; the simulator uses it up to 2e15 with log-normal scatter, as the reference sheet says.
/// </summary>
public static class DuffyConcentration
{
    private const double PivotMassMsunOverH = 2e12;

    /// <summary>Median concentration c_Δ for the mass definitions Duffy+08 fitted (200c, vir, 200m).</summary>
    public static double Median(double massMsunOverH, double redshift, Overdensity overdensity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(massMsunOverH);
        ArgumentOutOfRangeException.ThrowIfNegative(redshift);
        (double a, double b, double c) = overdensity switch
        {
            { Delta: 200, Reference: OverdensityReference.Critical } => (5.71, -0.084, -0.47),
            { Delta: 200, Reference: OverdensityReference.Mean } => (10.14, -0.081, -1.01),
            _ => throw new ArgumentOutOfRangeException(nameof(overdensity), overdensity,
                "Duffy+08 (full sample) gives 200c, 200m and virial fits only; convert masses with OverdensityConversion."),
        };
        return a * Math.Pow(massMsunOverH / PivotMassMsunOverH, b) * Math.Pow(1 + redshift, c);
    }
}
