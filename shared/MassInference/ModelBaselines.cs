using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.MassInference;

/// <summary>The classical estimators that travel with a model (the fitted M–σ relation may be absent).</summary>
public sealed record ModelBaselines(FittedMSigmaRelation? FittedMSigma);
