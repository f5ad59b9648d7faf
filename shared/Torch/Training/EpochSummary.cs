namespace StreamProcessor.Torch.Training;

/// <summary>Losses after one epoch; see <see cref="TrainingProgress"/> for their definition.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double ValidationLoss, IReadOnlyList<double> ValidationRmse, double LearningRate);
