using StreamProcessor.Torch.Posterior;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// The card's record of a posterior head (a full-posterior estimator on the moment network's embedding): its
/// architecture, the embedding standardisation, its weights file and hash, how it was trained, the quantile levels the
/// inference service publishes, and (filled by the evaluator) its simulation-based calibration beside the moment network's.
/// </summary>
public sealed record PosteriorHeadCard(
    MixtureDensitySpec Spec,
    IReadOnlyList<double> EmbeddingMean,
    IReadOnlyList<double> EmbeddingStd,
    string WeightsFile,
    string WeightsSha256,
    PosteriorHeadTraining Training,
    IReadOnlyList<double> QuantileLevels,
    PosteriorCalibrationReport? Calibration = null)
{
    /// <summary>Default weights file inside the bundle.</summary>
    public const string DefaultWeightsFile = "posterior-head.bin";

    /// <summary>Quantiles published per parameter: median, 68 % and 95 % central intervals.</summary>
    public static IReadOnlyList<double> DefaultQuantileLevels { get; } = [0.025, 0.16, 0.5, 0.84, 0.975];
}
