namespace StreamProcessor.Cosmology.Inference;

/// <summary>Posterior mean and standard deviation of one parameter.</summary>
public sealed record ParameterSummary(double Mean, double Sigma);
