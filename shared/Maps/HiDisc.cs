namespace StreamProcessor.Maps;

/// <summary>
/// A face-on HI disc obeying the HI size–mass relation (Wang et al. 2016, MNRAS 460, 2143, arXiv:1605.01489;
/// reference sheet §5): log D_HI[kpc] = 0.506 log M_HI − 3.293, with D_HI the diameter where Σ_HI = 1 M☉ pc⁻²
/// (1.248e20 cm⁻²). The profile is the saturated-exponential form of Stevens et al. (2019, arXiv:1908.11149,
/// their first model): flat at Σ_c inside R_c, exponential outside with scale length 0.18 R1 (R1 = D_HI/2; model
/// choice, for the homogeneous outer profiles Wang+16 report in units of D_HI), with R_c set so the disc holds
/// exactly M_HI. A pure exponential cannot satisfy both constraints: the relation implies a mean
/// Σ_HI ≈ 3.8 M☉ pc⁻² inside R1, close to the most an exponential with Σ(R1) = 1 M☉ pc⁻² can reach.
/// </summary>
public sealed record HiDisc
{
    /// <summary>Slope of the size–mass relation (Wang+16).</summary>
    public const double SizeMassSlope = 0.506;

    /// <summary>Intercept of the size–mass relation (Wang+16), D in kpc, M in M☉.</summary>
    public const double SizeMassIntercept = -3.293;

    /// <summary>Outer exponential scale length in units of R1 (model choice).</summary>
    public const double OuterScaleInR1 = 0.18;

    /// <summary>Σ at R1: 1 M☉ pc⁻² = 1e6 M☉ kpc⁻².</summary>
    public const double IsophoteMsunPerKpc2 = 1e6;

    private HiDisc(double massMsun, double diameterKpc, double coreRadiusKpc)
    {
        MassMsun = massMsun;
        DiameterKpc = diameterKpc;
        CoreRadiusKpc = coreRadiusKpc;
        ScaleLengthKpc = OuterScaleInR1 * diameterKpc / 2;
    }

    /// <summary>HI mass in M☉.</summary>
    public double MassMsun { get; }

    /// <summary>D_HI in kpc (diameter of the 1 M☉ pc⁻² isophote).</summary>
    public double DiameterKpc { get; }

    /// <summary>Radius of the flat centre R_c in kpc.</summary>
    public double CoreRadiusKpc { get; }

    /// <summary>Outer exponential scale length in kpc.</summary>
    public double ScaleLengthKpc { get; }

    /// <summary>D_HI of the relation for M_HI (M☉), shifted by <paramref name="offsetDex"/> (its 0.06 dex scatter).</summary>
    public static double RelationDiameterKpc(double massMsun, double offsetDex = 0) =>
        Math.Pow(10, (SizeMassSlope * Math.Log10(massMsun)) + SizeMassIntercept + offsetDex);

    /// <summary>The disc of mass M_HI (M☉) whose D_HI is the relation's value shifted by <paramref name="diameterOffsetDex"/>.</summary>
    public static HiDisc Create(double massMsun, double diameterOffsetDex = 0)
    {
        if (!(massMsun is >= 1e5 and <= 1e12)) throw new ArgumentOutOfRangeException(nameof(massMsun), massMsun, "M_HI must lie in [1e5, 1e12] M☉.");
        if (Math.Abs(diameterOffsetDex) > 0.3) throw new ArgumentOutOfRangeException(nameof(diameterOffsetDex), diameterOffsetDex, "Offset beyond 5σ of the 0.06 dex scatter.");
        double diameter = RelationDiameterKpc(massMsun, diameterOffsetDex);
        double r1 = diameter / 2;
        double h = OuterScaleInR1 * r1;

        // M(R_c) falls monotonically from 2π Σ1 e^(R1/h) h² (R_c = 0) to π R1² Σ1 + 2π Σ1 h (R1 + h) (R_c = R1):
        // bisect for the R_c that holds M_HI; clamp to the ends where the relation's scatter pushes M outside.
        double lo = 0, hi = r1;
        if (MassOf(hi, r1, h) >= massMsun) return new HiDisc(massMsun, diameter, r1);
        if (MassOf(lo, r1, h) <= massMsun) return new HiDisc(massMsun, diameter, 0);
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (MassOf(mid, r1, h) > massMsun) lo = mid; else hi = mid;
        }
        return new HiDisc(massMsun, diameter, 0.5 * (lo + hi));
    }

    /// <summary>Σ_HI(R) in M☉ kpc⁻² of the profile as built (flat inside R_c, exponential outside).</summary>
    public double SurfaceDensityMsunPerKpc2(double radiusKpc)
    {
        double r = Math.Max(radiusKpc, CoreRadiusKpc);
        return IsophoteMsunPerKpc2 * Math.Exp(((DiameterKpc / 2) - r) / ScaleLengthKpc);
    }

    /// <summary>Face-on N_HI(R) in cm⁻².</summary>
    public double ColumnDensityCm2(double radiusKpc) => SurfaceDensityMsunPerKpc2(radiusKpc) * GasConstants.HiColumnCm2PerMsunPerKpc2;

    /// <summary>Mass of the profile as built, which may differ from <see cref="MassMsun"/> only where R_c was clamped.</summary>
    public double ProfileMassMsun() => MassOf(CoreRadiusKpc, DiameterKpc / 2, ScaleLengthKpc);

    /// <summary>Radius beyond which the disc holds less than ~1e-5 of its mass, (1 + x) e^(−x) at x = 14 (painting windows).</summary>
    public double ExtentKpc => CoreRadiusKpc + (14 * ScaleLengthKpc);

    /// <summary>π R_c² Σ_c + 2π Σ_c h (R_c + h), with Σ_c = Σ1 e^((R1 − R_c)/h).</summary>
    private static double MassOf(double rc, double r1, double h)
    {
        double sigmaC = IsophoteMsunPerKpc2 * Math.Exp((r1 - rc) / h);
        return (Math.PI * rc * rc * sigmaC) + (2 * Math.PI * sigmaC * h * (rc + h));
    }
}
