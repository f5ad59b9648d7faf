using System.Collections.Concurrent;
using MathNet.Numerics.Interpolation;

namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Cached table of σ(M, z = 0)/σ₈ and dln σ/dln M for one power-spectrum shape, interpolated with natural
/// cubic splines in ln M. Both depend on (Ω_m, Ω_b, h, n_s, T_CMB) and the transfer function
/// (<see cref="FlatLcdm.Transfer"/>) but not on σ₈ (σ ∝ σ₈ at fixed shape), so one table serves a whole σ₈ axis of a
/// parameter grid; the cache key is the cosmology with σ₈ = 1, transfer choice included. M is the Lagrangian mass (4π/3) ρ̄_m R³ in h⁻¹ M☉.
/// </summary>
public sealed class SigmaTable
{
    /// <summary>Smallest tabulated mass, h⁻¹ M☉.</summary>
    public const double MinMassMsunOverH = 1e6;

    /// <summary>Largest tabulated mass, h⁻¹ M☉.</summary>
    public const double MaxMassMsunOverH = 1e17;

    // 0.1 dex spacing: spline interpolation error in σ is ≲ 1e-6 relative (checked in the tests against direct quadrature).
    private const double StepDex = 0.1;

    // A long-running service that explores many shapes must not grow without bound; a grid uses one entry per Ω_m.
    private const int MaxCachedShapes = 4096;

    private static readonly ConcurrentDictionary<FlatLcdm, Lazy<SigmaTable>> Cache = new();

    private readonly CubicSpline _lnSigmaOverSigma8;
    private readonly CubicSpline _dlnSigmaDlnM;

    private SigmaTable(FlatLcdm shape)
    {
        Shape = shape;
        var spectrum = new LinearPowerSpectrum(shape);
        int count = (int)Math.Round((Math.Log10(MaxMassMsunOverH) - Math.Log10(MinMassMsunOverH)) / StepDex) + 1;
        var lnMass = new double[count];
        var lnSigma = new double[count];
        var slope = new double[count];
        for (int i = 0; i < count; i++)
        {
            double log10M = Math.Log10(MinMassMsunOverH) + (i * StepDex);
            double mass = Math.Pow(10.0, log10M);
            (double sigma, double dlnSigmaDlnR) = spectrum.NormalisedSigmaAndSlope(MassVariance.LagrangianRadiusMpcOverH(mass, shape));
            lnMass[i] = Math.Log(mass);
            lnSigma[i] = Math.Log(sigma);

            // R ∝ M^{1/3}, so dln σ/dln M = (1/3) dln σ/dln R.
            slope[i] = dlnSigmaDlnR / 3.0;
        }

        _lnSigmaOverSigma8 = CubicSpline.InterpolateNaturalSorted(lnMass, lnSigma);
        _dlnSigmaDlnM = CubicSpline.InterpolateNaturalSorted(lnMass, slope);
    }

    /// <summary>The cosmology the table was built for, with σ₈ set to 1 (the cache key, with its <see cref="FlatLcdm.Transfer"/>).</summary>
    public FlatLcdm Shape { get; }

    /// <summary>Number of shapes currently cached (process-wide).</summary>
    public static int CachedCount => Cache.Count;

    /// <summary>
    /// The table for <paramref name="cosmology"/>'s shape; σ₈ is ignored. Thread-safe: concurrent callers for
    /// the same shape share one build.
    /// </summary>
    public static SigmaTable For(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        cosmology.Validated();
        FlatLcdm key = cosmology with { Sigma8 = 1.0 };
        if (Cache.TryGetValue(key, out Lazy<SigmaTable>? cached)) return cached.Value;
        if (Cache.Count >= MaxCachedShapes) Cache.Clear();
        return Cache.GetOrAdd(key, k => new Lazy<SigmaTable>(() => new SigmaTable(k), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>Empties the process-wide cache (tests use it to time cold builds).</summary>
    public static void ClearCache() => Cache.Clear();

    /// <summary>σ(M, z = 0) / σ₈.</summary>
    public double SigmaOverSigma8(double massMsunOverH) => Math.Exp(_lnSigmaOverSigma8.Interpolate(CheckedLnMass(massMsunOverH)));

    /// <summary>dln σ / dln M (negative; independent of z and σ₈).</summary>
    public double DlnSigmaDlnM(double massMsunOverH) => _dlnSigmaDlnM.Interpolate(CheckedLnMass(massMsunOverH));

    private static double CheckedLnMass(double massMsunOverH)
    {
        if (!(massMsunOverH >= MinMassMsunOverH * (1 - 1e-12) && massMsunOverH <= MaxMassMsunOverH * (1 + 1e-12)))
            throw new ArgumentOutOfRangeException(nameof(massMsunOverH), massMsunOverH, $"The σ(M) table covers {MinMassMsunOverH:0e0}–{MaxMassMsunOverH:0e0} h⁻¹ M☉.");
        return Math.Log(massMsunOverH);
    }
}
