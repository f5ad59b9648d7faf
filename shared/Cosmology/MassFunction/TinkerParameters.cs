namespace StreamProcessor.Cosmology.MassFunction;

/// <summary>
/// Parameters of the Tinker et al. (2008) multiplicity function f(σ) = A [(σ/b)^{−a} + 1] e^{−c/σ²}
/// (arXiv:0803.2706, Eq. 3), named after the paper's symbols.
/// </summary>
/// <param name="Amplitude">A: overall normalisation.</param>
/// <param name="SlopeA">a: slope of the low-mass power law.</param>
/// <param name="ScaleB">b: σ at which the power law turns over.</param>
/// <param name="CutoffC">c: scale of the high-mass exponential cut-off.</param>
public sealed record TinkerParameters(double Amplitude, double SlopeA, double ScaleB, double CutoffC);
