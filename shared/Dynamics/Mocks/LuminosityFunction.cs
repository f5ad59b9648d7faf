namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// A Schechter (1976) luminosity function in absolute magnitude M − 5 log10 h, used to give every mock galaxy a
/// magnitude so that a flux limit can select it. φ(M) ∝ 10^(0.4 (α+1)(M* − M)) exp(−10^(0.4 (M* − M))),
/// sampled between <see cref="BrightLimitMinus5LogH"/> and <see cref="FaintLimitMinus5LogH"/> (both at the pivot
/// redshift z = 0.1 of the ^{0.1}r band). With <see cref="EvolutionMagPerUnitRedshift"/> = Q every galaxy is
/// brighter at redshift z by Q (z − 0.1) (passive evolution of M*; number density unchanged), so the sampled range and
/// the richness counts keep their place relative to M*(z).
/// </summary>
public sealed record LuminosityFunction
{
    /// <summary>
    /// SDSS ^{0.1}r-band fit of Blanton et al. (2003), ApJ 592, 819, arXiv:astro-ph/0210215 (their ^{0.1}r Schechter fit):
    /// M* − 5 log10 h = −20.44, α = −1.05; sampled from M* − 3 (−23.44) to −19.5 (≈ M* + 0.94, a usual spectroscopic
    /// richness limit).
    /// </summary>
    public static LuminosityFunction Blanton03R { get; } = new();

    /// <summary>
    /// The same fit for the wide-redshift (0.03 &lt; z &lt; 1.1) mocks: sampled down to M − 5 log10 h = −18.5 (≈ M* + 1.94;
    /// the ACT/SPT spectroscopic members of shared/data/act-spt-spectroscopic reach m_i − DM ≈ −18.4 to −19.2 at
    /// 0.3 &lt; z &lt; 0.5) and passively brightening with Q = 1.62 mag per unit redshift, Blanton et al. (2003),
    /// arXiv:astro-ph/0210215, Table 3 (^{0.1}r: M*(z) = M*(0.1) − Q (z − 0.1)).
    /// </summary>
    public static LuminosityFunction Blanton03REvolving { get; } = new() { FaintLimitMinus5LogH = -18.5, EvolutionMagPerUnitRedshift = 1.62 };

    /// <summary>Redshift at which the magnitudes are defined (the ^{0.1}r band of Blanton et al. 2003).</summary>
    public const double PivotRedshift = 0.1;

    public double MStarMinus5LogH { get; init; } = -20.44;
    public double Alpha { get; init; } = -1.05;
    public double BrightLimitMinus5LogH { get; init; } = -23.44;
    public double FaintLimitMinus5LogH { get; init; } = -19.5;

    /// <summary>Passive brightening Q in mag per unit redshift: M(z) = M(0.1) − Q (z − 0.1). 0 = no evolution.</summary>
    public double EvolutionMagPerUnitRedshift { get; init; }

    /// <summary>Shift of every absolute magnitude at <paramref name="redshift"/>: −Q (z − 0.1) (exactly 0 when Q = 0).</summary>
    public double EvolutionShift(double redshift) =>
        EvolutionMagPerUnitRedshift == 0 ? 0 : -EvolutionMagPerUnitRedshift * (redshift - PivotRedshift);

    /// <summary>
    /// Galaxies sampled (brighter than <see cref="FaintLimitMinus5LogH"/>) per galaxy brighter than
    /// <paramref name="absoluteMagnitudeMinus5LogH"/>, both within the sampled range: ∫φ over [bright, faint] / ∫φ over
    /// [bright, M]; exactly 1 when M is the faint limit. Simpson's rule in M on 400 intervals.
    /// </summary>
    public double SampledPerGalaxyBrighterThan(double absoluteMagnitudeMinus5LogH)
    {
        if (absoluteMagnitudeMinus5LogH == FaintLimitMinus5LogH) return 1.0;
        if (!(absoluteMagnitudeMinus5LogH > BrightLimitMinus5LogH && absoluteMagnitudeMinus5LogH <= FaintLimitMinus5LogH))
        {
            throw new ArgumentOutOfRangeException(nameof(absoluteMagnitudeMinus5LogH), absoluteMagnitudeMinus5LogH, "Must lie within the sampled magnitude range.");
        }
        return Integral(BrightLimitMinus5LogH, FaintLimitMinus5LogH) / Integral(BrightLimitMinus5LogH, absoluteMagnitudeMinus5LogH);
    }

    /// <summary>Throws unless the magnitude range is ordered and α &gt; −3.</summary>
    public LuminosityFunction Validated()
    {
        if (!(BrightLimitMinus5LogH < FaintLimitMinus5LogH))
        {
            throw new ArgumentOutOfRangeException(nameof(BrightLimitMinus5LogH), BrightLimitMinus5LogH, "The bright limit must be brighter (smaller) than the faint limit.");
        }
        if (!(Alpha is > -3 and < 3)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "α must lie in (−3, 3).");
        if (!(EvolutionMagPerUnitRedshift is >= -5 and <= 5)) throw new ArgumentOutOfRangeException(nameof(EvolutionMagPerUnitRedshift), EvolutionMagPerUnitRedshift, "Q must lie in [−5, 5] mag per unit redshift.");
        return this;
    }

    /// <summary>ln φ(M) up to a constant, with x = L/L* = 10^(0.4 (M* − M)): (α+1) ln x − x.</summary>
    public double LogDensity(double absoluteMagnitudeMinus5LogH)
    {
        double x = Math.Pow(10, 0.4 * (MStarMinus5LogH - absoluteMagnitudeMinus5LogH));
        return ((Alpha + 1) * Math.Log(x)) - x;
    }

    /// <summary>One absolute magnitude M − 5 log10 h by rejection from a uniform proposal in M (acceptance ≈ 40 % for the default).</summary>
    public double SampleAbsoluteMagnitude(SeededRandom random)
    {
        double logMaximum = LogDensityMaximum();
        while (true)
        {
            double m = random.NextUniform(BrightLimitMinus5LogH, FaintLimitMinus5LogH);
            if (Math.Log(random.NextOpenDouble()) < LogDensity(m) - logMaximum)
            {
                return m;
            }
        }
    }

    /// <summary>Apparent magnitude m = (M − 5 log10 h) + 5 log10(D_L / h⁻¹ Mpc) + 25; no K-correction here (small in ^{0.1}r at z ≤ 0.2; see <see cref="ObservationalSelection.KCorrection"/>).</summary>
    public static double ApparentMagnitude(double absoluteMagnitudeMinus5LogH, double luminosityDistanceMpcOverH)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(luminosityDistanceMpcOverH);
        return absoluteMagnitudeMinus5LogH + (5 * Math.Log10(luminosityDistanceMpcOverH)) + 25;
    }

    private double Integral(double from, double to)
    {
        const int intervals = 400;
        double h = (to - from) / intervals;
        double sum = Math.Exp(LogDensity(from)) + Math.Exp(LogDensity(to));
        for (int i = 1; i < intervals; i++) sum += (i % 2 == 1 ? 4 : 2) * Math.Exp(LogDensity(from + (i * h)));
        return sum * h / 3;
    }

    private double LogDensityMaximum()
    {
        // (α+1) ln x − x peaks at x = α+1 when α > −1; otherwise it is monotone and the maximum is at an end.
        double atBright = LogDensity(BrightLimitMinus5LogH);
        double atFaint = LogDensity(FaintLimitMinus5LogH);
        double maximum = Math.Max(atBright, atFaint);
        if (Alpha > -1)
        {
            double peakMagnitude = MStarMinus5LogH - (2.5 * Math.Log10(Alpha + 1));
            if (peakMagnitude > BrightLimitMinus5LogH && peakMagnitude < FaintLimitMinus5LogH)
            {
                maximum = Math.Max(maximum, LogDensity(peakMagnitude));
            }
        }
        return maximum;
    }
}
