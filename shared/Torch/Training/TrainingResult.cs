using StreamProcessor.Torch.Inference;

namespace StreamProcessor.Torch.Training;

/// <summary>Outcome of <see cref="MomentTrainer.Train"/>. The caller owns (and disposes) <see cref="Model"/>.</summary>
/// <param name="Model">The network with the best validation weights and its normalisation.</param>
/// <param name="Split">Sample indices used for train, validation and test.</param>
/// <param name="BestEpoch">Epoch whose weights were kept.</param>
/// <param name="BestValidationLoss">Validation loss at <paramref name="BestEpoch"/>.</param>
/// <param name="TestLoss">Loss on the test split with the kept weights; null when the test split is too small for one batch.</param>
/// <param name="StoppedEarly">True when patience ran out before MaxEpochs.</param>
/// <param name="History">One entry per completed epoch.</param>
/// <param name="TrainSamplesPerSecond">Mean training throughput (forward + backward + optimiser).</param>
/// <param name="Elapsed">Wall time of the whole run.</param>
/// <param name="ClippedSteps">Steps whose gradient was clipped to <see cref="TrainingOptions.MaxGradientNorm"/>.</param>
/// <param name="SkippedSteps">Batches skipped for a non-finite loss or gradient.</param>
/// <param name="Machine">Device, processor, kernels and thread count of the run.</param>
public sealed record TrainingResult(
    MomentModel Model,
    DatasetSplit Split,
    int BestEpoch,
    double BestValidationLoss,
    double? TestLoss,
    bool StoppedEarly,
    IReadOnlyList<EpochSummary> History,
    double TrainSamplesPerSecond,
    TimeSpan Elapsed,
    int ClippedSteps,
    int SkippedSteps,
    Bundles.TrainingMachine Machine);
