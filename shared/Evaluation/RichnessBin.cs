namespace StreamProcessor.Evaluation;

/// <summary>
/// One richness bin of <see cref="RichnessScatterFit"/>: its sample count, mean richness, the regressor
/// ⟨(N/100)⁻¹⟩ over its members, and the sample variance (N − 1) of the residuals in it (dex²).
/// </summary>
public sealed record RichnessBin(int Count, double MinimumRichness, double MaximumRichness, double MeanRichness, double MeanInverseRichnessOver100, double ResidualVarianceDex2)
{
    public double ResidualScatterDex => Math.Sqrt(ResidualVarianceDex2);
}
