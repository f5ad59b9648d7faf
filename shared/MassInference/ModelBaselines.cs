using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.MassInference;

/// <summary>
/// The classical and learned baselines that travel with a model: the fitted M–σ relation and the distribution-regression
/// baseline (kernel mean embedding of the member sample); either may be absent, and its posterior column is then null.
/// </summary>
public sealed record ModelBaselines(FittedMSigmaRelation? FittedMSigma, DistributionRegression? DistributionRegression = null)
{
    /// <summary>The baselines stored beside the card in <paramref name="modelFolder"/> (fitted-m-sigma.json, distribution-regression.json), each when present.</summary>
    public static ModelBaselines Load(string modelFolder) =>
        new(MSigmaBaseline.Load(modelFolder), Dynamics.Baselines.DistributionRegression.LoadFrom(modelFolder));
}
