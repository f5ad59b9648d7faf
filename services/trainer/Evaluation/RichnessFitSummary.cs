using StreamProcessor.Evaluation;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>σ² = σ_N² (N/100)⁻¹ + σ₀² fitted to one estimator's residuals on one catalogue (all test masses).</summary>
public sealed record RichnessFitSummary(string Estimator, string Catalogue, double SigmaNDex, double Sigma0Dex, IReadOnlyList<RichnessBin> Bins);
