namespace StreamProcessor.Torch.Bundles;

/// <summary>Fraction of test samples whose truth lies inside the Gaussian credible interval of the given nominal mass.</summary>
public sealed record CoveragePoint(double NominalLevel, double EmpiricalCoverage);
