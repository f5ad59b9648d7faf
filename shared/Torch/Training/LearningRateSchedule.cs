namespace StreamProcessor.Torch.Training;

/// <summary>
/// Learning rate of each optimiser step: a linear warm-up over the first <see cref="WarmupSteps"/> steps, times cosine
/// annealing per epoch (Loshchilov &amp; Hutter 2017, arXiv:1608.03983, Eq. 5) from <see cref="InitialRate"/> at epoch 1
/// to <see cref="FinalRate"/> at epoch <see cref="Epochs"/> + 1.
/// </summary>
/// <remarks>
/// Adam's first bias-corrected updates move every weight by about the full learning rate whatever its gradient, from
/// second-moment estimates of one or two batches; the warm-up keeps those first steps small (Liu et al. 2020,
/// arXiv:1908.03265, section 3), which is where a small network with batch norm on a few images can blow up.
/// </remarks>
public sealed record LearningRateSchedule(double InitialRate, double FinalRate, int Epochs, int WarmupSteps)
{
    /// <summary>The schedule of <paramref name="options"/>.</summary>
    public static LearningRateSchedule For(TrainingOptions options) => new(
        options.LearningRate, options.LearningRate * options.FinalLearningRateFraction, options.MaxEpochs, options.WarmupSteps);

    /// <summary>Rate of the cosine part in <paramref name="epoch"/> (1-based), before any warm-up factor.</summary>
    public double EpochRate(int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        double progress = Math.Min(epoch - 1, Epochs) / (double)Epochs;
        return FinalRate + ((InitialRate - FinalRate) * (1 + Math.Cos(Math.PI * progress)) / 2);
    }

    /// <summary>Rate of optimiser step <paramref name="step"/> (1-based, counted over the whole run) in <paramref name="epoch"/>.</summary>
    public double StepRate(int epoch, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        double warmup = WarmupSteps > 0 ? Math.Min(1.0, step / (double)WarmupSteps) : 1.0;
        return EpochRate(epoch) * warmup;
    }
}
