namespace StreamProcessor.Torch.Training;

/// <summary>
/// One progress report. Losses are moment losses (reference sheet section 8) on standardised targets, averaged
/// over batches of <see cref="TrainingOptions.BatchSize"/> samples, so train and validation values are comparable.
/// </summary>
/// <param name="Kind">Why this report was sent.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="MaxEpochs">Configured upper limit.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="StepsPerEpoch">Steps in one epoch.</param>
/// <param name="TrainLoss">Mean training batch loss so far in this epoch.</param>
/// <param name="ValidationLoss">Validation loss of this epoch; null on step reports.</param>
/// <param name="BestValidationLoss">Best validation loss so far; null before the first epoch ends.</param>
/// <param name="ValidationRmse">Root-mean-square error of the posterior means per parameter, physical units; null on step reports.</param>
/// <param name="LearningRate">Current learning rate.</param>
/// <param name="SamplesPerSecond">Training throughput so far (forward + backward).</param>
/// <param name="Elapsed">Wall time since training started.</param>
public sealed record TrainingProgress(
    TrainingProgressKind Kind,
    int Epoch,
    int MaxEpochs,
    int Step,
    int StepsPerEpoch,
    double TrainLoss,
    double? ValidationLoss,
    double? BestValidationLoss,
    IReadOnlyList<double>? ValidationRmse,
    double LearningRate,
    double SamplesPerSecond,
    TimeSpan Elapsed)
{
    /// <summary>Fraction of the maximum work done, for a progress bar.</summary>
    public double Fraction => Math.Clamp(((Epoch - 1) + (Step / (double)Math.Max(1, StepsPerEpoch))) / MaxEpochs, 0, 1);
}
