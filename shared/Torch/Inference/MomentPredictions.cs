namespace StreamProcessor.Torch.Inference;

/// <summary>
/// Posterior moments for <see cref="Count"/> inputs in physical units (e.g. log10 M200c in dex), row-major:
/// element [i * ParameterCount + p] belongs to input i, parameter p.
/// </summary>
public sealed record MomentPredictions(int Count, int ParameterCount, double[] Mean, double[] Sigma)
{
    /// <summary>Posterior mean of parameter <paramref name="parameter"/> for input <paramref name="index"/>.</summary>
    public double MeanOf(int index, int parameter = 0) => Mean[(index * ParameterCount) + parameter];

    /// <summary>Posterior standard deviation of parameter <paramref name="parameter"/> for input <paramref name="index"/>.</summary>
    public double SigmaOf(int index, int parameter = 0) => Sigma[(index * ParameterCount) + parameter];
}
