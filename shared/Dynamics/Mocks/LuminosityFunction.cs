namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// A Schechter (1976) luminosity function in absolute magnitude M − 5 log10 h, used to give every mock galaxy a
/// magnitude so that a flux limit can select it. φ(M) ∝ 10^(0.4 (α+1)(M* − M)) exp(−10^(0.4 (M* − M))),
/// sampled between <see cref="BrightLimitMinus5LogH"/> and <see cref="FaintLimitMinus5LogH"/>. The faint limit also
/// defines which galaxies the richness–mass relation counts.
/// </summary>
public sealed record LuminosityFunction
{
    /// <summary>
    /// SDSS ^{0.1}r-band fit of Blanton et al. (2003), ApJ 592, 819, arXiv:astro-ph/0210215 (their ^{0.1}r Schechter fit):
    /// M* − 5 log10 h = −20.44, α = −1.05; sampled from M* − 3 (−23.44) to −19.5 (≈ M* + 0.94, a usual spectroscopic
    /// richness limit).
    /// </summary>
    public static LuminosityFunction Blanton03R { get; } = new();

    public double MStarMinus5LogH { get; init; } = -20.44;
    public double Alpha { get; init; } = -1.05;
    public double BrightLimitMinus5LogH { get; init; } = -23.44;
    public double FaintLimitMinus5LogH { get; init; } = -19.5;

    /// <summary>Throws unless the magnitude range is ordered and α &gt; −3.</summary>
    public LuminosityFunction Validated()
    {
        if (!(BrightLimitMinus5LogH < FaintLimitMinus5LogH))
        {
            throw new ArgumentOutOfRangeException(nameof(BrightLimitMinus5LogH), BrightLimitMinus5LogH, "The bright limit must be brighter (smaller) than the faint limit.");
        }
        if (!(Alpha is > -3 and < 3)) throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "α must lie in (−3, 3).");
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

    /// <summary>Apparent magnitude m = (M − 5 log10 h) + 5 log10(D_L / h⁻¹ Mpc) + 25; no K-correction (small in ^{0.1}r at z ≤ 0.2).</summary>
    public static double ApparentMagnitude(double absoluteMagnitudeMinus5LogH, double luminosityDistanceMpcOverH)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(luminosityDistanceMpcOverH);
        return absoluteMagnitudeMinus5LogH + (5 * Math.Log10(luminosityDistanceMpcOverH)) + 25;
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
