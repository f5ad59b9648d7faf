namespace StreamProcessor.Abundance.Selection;

/// <summary>
/// C(M, z) = 1 / (1 + exp(−[log₁₀ M − t(z)] / w)) with a threshold t(z) = t₀ + t₁ z that rises linearly with
/// redshift: an empirical parametrisation (a smooth step in log mass), the usual shape of an S/N-limited selection.
/// </summary>
/// <param name="Log10MassHalfAtZeroRedshift">t₀: log₁₀(M / h⁻¹ M☉) where the completeness is 50 % at z = 0.</param>
/// <param name="Log10MassHalfSlopePerRedshift">t₁: change of the 50 % threshold per unit redshift, dex.</param>
/// <param name="WidthDex">w: width of the step, dex (completeness goes from 27 % to 73 % over ±w).</param>
public sealed record LogisticCompleteness(
    double Log10MassHalfAtZeroRedshift,
    double Log10MassHalfSlopePerRedshift,
    double WidthDex) : CompletenessModel
{
    /// <summary>t(z), the log₁₀ M at 50 % completeness.</summary>
    public double Log10MassHalf(double redshift) => Log10MassHalfAtZeroRedshift + (Log10MassHalfSlopePerRedshift * redshift);

    /// <inheritdoc />
    public override double Evaluate(double log10Mass, double redshift) =>
        1.0 / (1.0 + Math.Exp(-(log10Mass - Log10MassHalf(redshift)) / WidthDex));

    /// <inheritdoc />
    public override CompletenessModel Validated()
    {
        if (!double.IsFinite(Log10MassHalfAtZeroRedshift))
            throw new ArgumentOutOfRangeException(nameof(Log10MassHalfAtZeroRedshift), Log10MassHalfAtZeroRedshift, "Threshold must be finite.");
        if (!double.IsFinite(Log10MassHalfSlopePerRedshift))
            throw new ArgumentOutOfRangeException(nameof(Log10MassHalfSlopePerRedshift), Log10MassHalfSlopePerRedshift, "Slope must be finite.");
        if (!(WidthDex > 0 && WidthDex <= 2))
            throw new ArgumentOutOfRangeException(nameof(WidthDex), WidthDex, "Width must lie in (0, 2] dex.");
        return this;
    }
}
