namespace StreamProcessor.Torch.Bundles;

/// <summary>How the saved weights were obtained; written by the trainer.</summary>
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
    double WallSeconds);
