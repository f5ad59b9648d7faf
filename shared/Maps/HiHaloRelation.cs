namespace StreamProcessor.Maps;

/// <summary>
/// Mean HI mass of a halo and its split between the central galaxy and satellites.
/// Total: M_HI(M_h) = M0 (M_h/M_min)^α exp(−(M_min/M_h)^0.35), the power law with exponential cutoff fitted by
/// Obuljen et al. (2019, MNRAS 486, 5124, arXiv:1805.00934; α = 0.44, log M_min = 11.27 in h⁻¹ M☉ from their
/// abstract; the 0.35 exponent is the form of Villaescusa-Navarro et al. 2018, arXiv:1804.09180). M0 = 10^9.5 h⁻¹ M☉
/// is a model choice of the order of their amplitude. The central share 1 / (1 + (M_h / 10^12.5 M☉)^1.5) is a model
/// choice: HI in groups sits mostly in satellites and central galaxies of clusters are HI-poor.
/// </summary>
public static class HiHaloRelation
{
    public const double Alpha = 0.44;
    public const double Log10MinimumMassMsunOverH = 11.27;
    public const double Log10AmplitudeMsunOverH = 9.5;
    public const double CutoffExponent = 0.35;

    /// <summary>1-σ scatter of the central HI mass about the relation (model choice).</summary>
    public const double CentralScatterDex = 0.3;

    /// <summary>Mean of log M_HI of one satellite in M☉ (model choice: ALFALFA-detected dwarfs and spirals).</summary>
    public const double SatelliteLog10MassMsun = 8.6;

    /// <summary>1-σ scatter of satellite log M_HI (model choice).</summary>
    public const double SatelliteScatterDex = 0.4;

    /// <summary>Mean total HI mass (M☉) of a halo of M200c <paramref name="haloMassMsun"/> (M☉), converted with h.</summary>
    public static double MeanTotalHiMassMsun(double haloMassMsun, double littleH)
    {
        double mh = haloMassMsun * littleH;
        double mMin = Math.Pow(10, Log10MinimumMassMsunOverH);
        double mHiOverH = Math.Pow(10, Log10AmplitudeMsunOverH) * Math.Pow(mh / mMin, Alpha) * Math.Exp(-Math.Pow(mMin / mh, CutoffExponent));
        return mHiOverH / littleH;
    }

    /// <summary>Mean HI mass (M☉) of the central galaxy: the total times the central share.</summary>
    public static double MeanCentralHiMassMsun(double haloMassMsun, double littleH) =>
        MeanTotalHiMassMsun(haloMassMsun, littleH) / (1 + Math.Pow(haloMassMsun / Math.Pow(10, 12.5), 1.5));
}
