using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Reporting;

/// <summary>
/// Forwards training progress to a <see cref="ProgressSink"/>: the bar follows every step, a line is written per epoch.
/// The validation RMSE shown is the first parameter's, labelled <paramref name="rmseUnit"/> (the mass CNN's "dex"; a
/// multi-parameter network names the parameter).
/// </summary>
internal sealed class TrainingProgressLog(ProgressSink sink, int maxEpochs, string rmseUnit = "dex") : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value)
    {
        double done = value.Fraction * maxEpochs;
        switch (value.Kind)
        {
            case TrainingProgressKind.Step:
                sink.Report(done, $"epochs; epoch {value.Epoch} step {value.Step}/{value.StepsPerEpoch} train loss {value.TrainLoss:F4}, {value.SamplesPerSecond:F0} samples/s");
                break;
            case TrainingProgressKind.EpochCompleted:
                sink.Report(done, $"epochs; epoch {value.Epoch}: train loss {value.TrainLoss:F4}, validation loss {value.ValidationLoss:F4} " +
                                  $"(best {value.BestValidationLoss:F4}), validation RMSE {value.ValidationRmse?[0]:F4} {rmseUnit}, lr {value.LearningRate:G3}, " +
                                  $"{value.SamplesPerSecond:F0} samples/s", forceLine: true);
                break;
            default:
                sink.Report(maxEpochs, $"epochs; finished after epoch {value.Epoch}: best validation loss {value.BestValidationLoss:F4}, " +
                                       $"validation RMSE {value.ValidationRmse?[0]:F4} {rmseUnit}", forceLine: true);
                break;
        }
    }
}
