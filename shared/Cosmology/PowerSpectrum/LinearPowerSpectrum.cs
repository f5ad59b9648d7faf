using MathNet.Numerics.Integration;

namespace StreamProcessor.Cosmology.PowerSpectrum;

/// <summary>
/// Linear matter power spectrum P(k, z) = A kⁿˢ T(k)² D(z)², T the cosmology's <see cref="FlatLcdm.Transfer"/>
/// (full Eisenstein &amp; Hu 1998 by default), A fixed by σ(R = 8 h⁻¹ Mpc, z = 0) = σ₈ whatever T is; and the top-hat variance
/// σ²(R) = (1/2π²) ∫ k³ P(k) W²(kR) dln k (reference sheet §7). k in h Mpc⁻¹, P in h⁻³ Mpc³, R in h⁻¹ Mpc (comoving).
/// </summary>
public sealed class LinearPowerSpectrum
{
    /// <summary>Radius of the σ₈ normalisation, h⁻¹ Mpc.</summary>
    public const double Sigma8RadiusMpcOverH = 8.0;

    // Integration range and panelling in ln k. Below k = 1e-5 h/Mpc the integrand k³P ∝ k^{3+n_s} is < 1e-12 of its
    // peak for any R ≤ 200 h⁻¹ Mpc. At large x = kR, W² ≈ 4.5 (1 + cos 2x)/x⁴ and x W W′ ≈ −4.5 sin 2x / x³, so the
    // integrals stop at x_max = π/4 + 127 π/2 ≈ 200.3, where cos 2x = 0: the truncated tail of the slowly decaying
    // oscillating term of dσ²/dln R then vanishes at leading order and what is left is < 1e-8 relative.
    // Panels are at most 1 in ln k and, where W oscillates, span ≤ 8 rad of kR, each with a 12-point
    // Gauss–Legendre rule (error ~ 4²⁴/24! ≈ 1e-9 of the panel integral for such a panel). Baryon wiggles of T go as
    // sin(k s), so below MaxOscillationKHOverMpc panels also span ≤ 8 rad of k s; above it they are Silk-damped and the
    // undamped term of EH98 Eq. 21 falls as (k s)⁻³, leaving f_b T_b / T ~ 1e-6 (σ(R = 0.5 h⁻¹ Mpc), whose integrand
    // peaks there, still matches a brute-force integral to 2e-6 in the tests).
    private const double MinKHOverMpc = 1e-5;
    private const double MaxOscillationKHOverMpc = 1.0;

    // The quadrature reads ln(k³⁺ⁿˢ T²) from a natural cubic spline on a uniform ln k grid (UniformCubicSpline), so T (≈ 0.2 µs for full
    // EH98) is evaluated ~2,300 times per spectrum instead of ~50,000 times per σ(M) table. Spline error ≈ A (ω Δ)⁴/384
    // for wiggles of relative amplitude A and phase rate ω = k s per unit ln k: < 1e-7 with Δ = 0.01 (A ≈ 0.02 at
    // ω ≈ 20, A ≈ 1e-5 at ω ≈ 100), and ~1e-10 on the smooth part. Beyond the grid (R &lt; 2e-3 h⁻¹ Mpc) T is exact.
    private const double GridStepLnK = 0.01;
    private const double GridMaxKHOverMpc = 1e5;
    private const double MaxKTimesRadius = (Math.PI / 4.0) + (127.0 * Math.PI / 2.0);
    private const double MaxPanelLnK = 1.0;
    private const double MaxPanelPhaseRad = 8.0;
    private const int NodesPerPanel = 12;

    private static readonly GaussLegendreRule UnitRule = new(0.0, 1.0, NodesPerPanel);

    private readonly ITransferFunction _transfer;
    private readonly UniformCubicSpline _lnIntegrandShape;

    /// <summary>Builds the spectrum and its σ₈ normalisation for <paramref name="cosmology"/>.</summary>
    public LinearPowerSpectrum(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        Cosmology = cosmology.Validated();
        _transfer = cosmology.Transfer.For(cosmology);
        _lnIntegrandShape = SampleIntegrandShape(_transfer, cosmology.Ns);
        UnitAmplitudeSigmaAt8 = Math.Sqrt(VarianceIntegrals(Sigma8RadiusMpcOverH, 1.0).Variance);
        Amplitude = cosmology.Sigma8 * cosmology.Sigma8 / (UnitAmplitudeSigmaAt8 * UnitAmplitudeSigmaAt8);
    }

    /// <summary>The cosmology this spectrum belongs to.</summary>
    public FlatLcdm Cosmology { get; }

    /// <summary>A in P = A kⁿˢ T²: h⁻³ Mpc³ (h⁻¹ Mpc)^{n_s}, so that P is in h⁻³ Mpc³ for k in h Mpc⁻¹.</summary>
    public double Amplitude { get; }

    /// <summary>σ(8 h⁻¹ Mpc) for A = 1; σ(R) / σ₈ = σ_{A=1}(R) / this.</summary>
    internal double UnitAmplitudeSigmaAt8 { get; }

    /// <summary>P(k, z) in h⁻³ Mpc³ for k in h Mpc⁻¹.</summary>
    public double PowerMpc3OverH3(double kHOverMpc, double redshift = 0.0)
    {
        double t = _transfer.Transfer(kHOverMpc);
        double growth = redshift == 0.0 ? 1.0 : LinearGrowth.Factor(redshift, Cosmology);
        return Amplitude * Math.Pow(kHOverMpc, Cosmology.Ns) * t * t * growth * growth;
    }

    /// <summary>σ(R, z): rms linear overdensity in top-hat spheres of comoving radius R (h⁻¹ Mpc).</summary>
    public double SigmaOfRadius(double radiusMpcOverH, double redshift = 0.0)
    {
        double growth = redshift == 0.0 ? 1.0 : LinearGrowth.Factor(redshift, Cosmology);
        return Math.Sqrt(VarianceIntegrals(radiusMpcOverH, Amplitude).Variance) * growth;
    }

    /// <summary>dln σ / dln R (independent of z and σ₈), from the analytic dW/dx under the integral.</summary>
    public double DlnSigmaDlnRadius(double radiusMpcOverH)
    {
        (double variance, double dVarianceDlnR) = VarianceIntegrals(radiusMpcOverH, 1.0);
        return 0.5 * dVarianceDlnR / variance;
    }

    /// <summary>σ(R)/σ₈ at z = 0 and dln σ/dln R in one pass (what <see cref="SigmaTable"/> tabulates).</summary>
    internal (double SigmaOverSigma8, double DlnSigmaDlnR) NormalisedSigmaAndSlope(double radiusMpcOverH)
    {
        (double variance, double dVarianceDlnR) = VarianceIntegrals(radiusMpcOverH, 1.0);
        return (Math.Sqrt(variance) / UnitAmplitudeSigmaAt8, 0.5 * dVarianceDlnR / variance);
    }

    /// <summary>
    /// σ²(R) = (A/2π²) ∫ k³⁺ⁿˢ T² W²(kR) dln k and dσ²/dln R = (A/2π²) ∫ k³⁺ⁿˢ T² 2 W(x) W′(x) x dln k, x = kR.
    /// </summary>
    private (double Variance, double DVarianceDlnR) VarianceIntegrals(double radiusMpcOverH, double amplitude)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusMpcOverH);
        double lnKMin = Math.Log(MinKHOverMpc);
        double lnKMax = Math.Log(MaxKTimesRadius / radiusMpcOverH);
        if (lnKMax <= lnKMin)
            throw new ArgumentOutOfRangeException(nameof(radiusMpcOverH), radiusMpcOverH, "R is too large for the k range of the σ integral.");

        double ns = Cosmology.Ns;
        double oscillationLength = _transfer.OscillationLengthMpcOverH;
        double gridMaxLnK = _lnIntegrandShape.MaxX;
        double[] abscissas = UnitRule.Abscissas;
        double[] weights = UnitRule.Weights;
        double variance = 0.0;
        double derivative = 0.0;
        double lnK = lnKMin;
        while (lnK < lnKMax)
        {
            double kStart = Math.Exp(lnK);
            double phaseLength = kStart < MaxOscillationKHOverMpc ? Math.Max(radiusMpcOverH, oscillationLength) : radiusMpcOverH;
            double width = Math.Min(MaxPanelLnK, MaxPanelPhaseRad / (kStart * phaseLength));
            width = Math.Min(width, lnKMax - lnK);
            for (int i = 0; i < abscissas.Length; i++)
            {
                double lnKNode = lnK + (width * abscissas[i]);
                double k = Math.Exp(lnKNode);
                double k3P = lnKNode <= gridMaxLnK ? Math.Exp(_lnIntegrandShape.Interpolate(lnKNode)) : IntegrandShape(k, lnKNode, ns);
                double x = k * radiusMpcOverH;
                (double w, double dw) = TopHatWindow.ValueAndDerivative(x);
                double weight = width * weights[i] * k3P;
                variance += weight * w * w;
                derivative += weight * 2.0 * w * dw * x;
            }

            lnK += width;
        }

        double factor = amplitude / (2.0 * Math.PI * Math.PI);
        return (variance * factor, derivative * factor);
    }

    /// <summary>k³⁺ⁿˢ T(k)², the σ² integrand per unit A/(2π²) before the window.</summary>
    private double IntegrandShape(double kHOverMpc, double lnK, double ns)
    {
        double t = _transfer.Transfer(kHOverMpc);
        return Math.Exp((3.0 + ns) * lnK) * t * t;
    }

    private static UniformCubicSpline SampleIntegrandShape(ITransferFunction transfer, double ns)
    {
        double lnKMin = Math.Log(MinKHOverMpc);
        int count = (int)Math.Ceiling((Math.Log(GridMaxKHOverMpc) - lnKMin) / GridStepLnK) + 1;
        var lnShape = new double[count];
        for (int i = 0; i < count; i++)
        {
            double lnK = lnKMin + (i * GridStepLnK);
            lnShape[i] = ((3.0 + ns) * lnK) + (2.0 * Math.Log(transfer.Transfer(Math.Exp(lnK))));
        }

        return new UniformCubicSpline(lnKMin, GridStepLnK, lnShape);
    }
}
