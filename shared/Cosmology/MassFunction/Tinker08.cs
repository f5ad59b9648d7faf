namespace StreamProcessor.Cosmology.MassFunction;

/// <summary>
/// Tinker et al. (2008), arXiv:0803.2706: multiplicity function (Eq. 3), z = 0 parameters of Table 2 for
/// Δ_m = 200–3200 (Δ with respect to the mean matter density), and their redshift evolution (Eqs. 5–8).
/// Between table rows the parameters are interpolated linearly in log₁₀ Δ_m (as CCL does), which keeps them
/// monotonic in Δ_m like the table. Calibrated for 0 ≤ z ≤ 2.5 and, at z = 0, −0.6 ≤ ln σ⁻¹ ≤ 0.4.
/// </summary>
public static class Tinker08
{
    /// <summary>Smallest Δ_m of Table 2.</summary>
    public const double MinDeltaMean = 200.0;

    /// <summary>Largest Δ_m of Table 2.</summary>
    public const double MaxDeltaMean = 3200.0;

    /// <summary>Highest redshift of the simulations the z-evolution was fitted to (Tinker+08 §3).</summary>
    public const double MaxRedshift = 2.5;

    // Tinker+08 Table 2. A is 0.26 for Δ ≥ 1600 (the paper's note to the table).
    private static readonly double[] TableDeltaMean = [200, 300, 400, 600, 800, 1200, 1600, 2400, 3200];
    private static readonly double[] TableAmplitude = [0.186, 0.200, 0.212, 0.218, 0.248, 0.255, 0.260, 0.260, 0.260];
    private static readonly double[] TableSlopeA = [1.47, 1.52, 1.56, 1.61, 1.87, 2.13, 2.30, 2.53, 2.66];
    private static readonly double[] TableScaleB = [2.57, 2.25, 2.05, 1.87, 1.59, 1.51, 1.46, 1.44, 1.41];
    private static readonly double[] TableCutoffC = [1.19, 1.27, 1.34, 1.45, 1.58, 1.80, 1.97, 2.24, 2.44];

    /// <summary>z = 0 parameters at Δ_m (Table 2, interpolated linearly in log₁₀ Δ_m).</summary>
    public static TinkerParameters ParametersAtZeroRedshift(double deltaMean)
    {
        if (!(deltaMean >= MinDeltaMean && deltaMean <= MaxDeltaMean))
            throw new ArgumentOutOfRangeException(nameof(deltaMean), deltaMean, $"Tinker+08 Table 2 covers Δ_m = {MinDeltaMean}–{MaxDeltaMean}.");

        int upper = 1;
        while (upper < TableDeltaMean.Length - 1 && TableDeltaMean[upper] < deltaMean) upper++;
        int lower = upper - 1;
        double t = (Math.Log10(deltaMean) - Math.Log10(TableDeltaMean[lower])) /
                   (Math.Log10(TableDeltaMean[upper]) - Math.Log10(TableDeltaMean[lower]));
        return new TinkerParameters(
            Lerp(TableAmplitude, lower, t),
            Lerp(TableSlopeA, lower, t),
            Lerp(TableScaleB, lower, t),
            Lerp(TableCutoffC, lower, t));
    }

    /// <summary>
    /// Parameters at Δ_m and z: A(z) = A₀(1+z)^−0.14 (Eq. 5), a(z) = a₀(1+z)^−0.06 (Eq. 6), b(z) = b₀(1+z)^−α
    /// (Eq. 7) with log₁₀ α = −[0.75 / log₁₀(Δ_m/75)]^1.2 (Eq. 8); c does not evolve.
    /// </summary>
    public static TinkerParameters Parameters(double deltaMean, double redshift)
    {
        if (!(redshift >= 0 && redshift <= MaxRedshift))
            throw new ArgumentOutOfRangeException(nameof(redshift), redshift, $"Tinker+08 is calibrated for 0 ≤ z ≤ {MaxRedshift}.");
        TinkerParameters p0 = ParametersAtZeroRedshift(deltaMean);
        double onePlusZ = 1.0 + redshift;
        double alpha = Math.Pow(10.0, -Math.Pow(0.75 / Math.Log10(deltaMean / 75.0), 1.2));
        return new TinkerParameters(
            p0.Amplitude * Math.Pow(onePlusZ, -0.14),
            p0.SlopeA * Math.Pow(onePlusZ, -0.06),
            p0.ScaleB * Math.Pow(onePlusZ, -alpha),
            p0.CutoffC);
    }

    /// <summary>f(σ) = A [(σ/b)^{−a} + 1] e^{−c/σ²} (Tinker+08 Eq. 3).</summary>
    public static double Multiplicity(double sigma, TinkerParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Amplitude
            * (Math.Pow(sigma / parameters.ScaleB, -parameters.SlopeA) + 1.0)
            * Math.Exp(-parameters.CutoffC / (sigma * sigma));
    }

    // Written as a weighted sum so that t = 0 and t = 1 return the table entries exactly.
    private static double Lerp(double[] values, int lower, double t) => (values[lower] * (1.0 - t)) + (values[lower + 1] * t);
}
