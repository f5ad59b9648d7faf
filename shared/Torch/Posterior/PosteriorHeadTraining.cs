using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// How a posterior head was trained, for the card. Losses are mean negative log posterior densities in physical
/// units (nats; lower is better), so they compare directly with a Gaussian posterior's.
/// </summary>
public sealed record PosteriorHeadTraining(
    int Epochs,
    int BestEpoch,
    double BestValidationNll,
    bool StoppedEarly,
    int TrainSamples,
    int ValidationSamples,
    int Seed,
    double WallSeconds,
    int SkippedSteps,
    TrainingMachine Machine);
