namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// How the saved weights were obtained; written by the trainer. The last four (warm-up, clipping norm, clipped and
/// skipped steps) are null in cards written before the trainer guarded its steps.
/// </summary>
public sealed record TrainingSummary(
    int Epochs,
    int BestEpoch,
    double BestValidationLoss,
    double? TestLoss,
    bool StoppedEarly,
    int TrainSamples,
    int ValidationSamples,
    int TestSamples,
    string Device,
    double TrainSamplesPerSecond,
    double WallSeconds,
    int? WarmupSteps = null,
    double? MaxGradientNorm = null,
    int? ClippedSteps = null,
    int? SkippedSteps = null);
