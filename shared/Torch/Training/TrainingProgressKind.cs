namespace StreamProcessor.Torch.Training;

/// <summary>Why a <see cref="TrainingProgress"/> report was sent.</summary>
public enum TrainingProgressKind
{
    /// <summary>Every <see cref="TrainingOptions.ProgressEverySteps"/> steps.</summary>
    Step,

    /// <summary>End of an epoch, with the validation loss.</summary>
    EpochCompleted,

    /// <summary>Training finished (early stop or MaxEpochs); best weights restored.</summary>
    Finished,
}
