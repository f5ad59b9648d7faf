namespace StreamProcessor.Torch.Training;

/// <summary>
/// Counts clipped and skipped optimiser steps of a run and stops it when batches keep failing: one non-finite batch
/// is noise, a run of them means the data or the learning rate is wrong.
/// </summary>
internal sealed class StepGuard(int maxConsecutiveSkipped)
{
    private int _consecutiveSkipped;

    public int Clipped { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Steps applied (not skipped) since <see cref="StartEpoch"/>.</summary>
    public int AppliedThisEpoch { get; private set; }

    /// <exception cref="InvalidOperationException">The limit of consecutive skipped steps was reached.</exception>
    public void Record(StepOutcome outcome, int epoch, int step)
    {
        if (!outcome.Skipped)
        {
            _consecutiveSkipped = 0;
            AppliedThisEpoch++;
            Clipped += outcome.Clipped ? 1 : 0;
            return;
        }

        Skipped++;
        if (++_consecutiveSkipped >= maxConsecutiveSkipped)
        {
            throw new InvalidOperationException(
                $"{_consecutiveSkipped} consecutive batches up to epoch {epoch}, step {step} had a non-finite loss ({outcome.Loss}) or " +
                $"gradient norm ({outcome.GradientNorm}); the weights were left unchanged by each. Check the inputs or lower the learning rate.");
        }
    }

    public void StartEpoch() => AppliedThisEpoch = 0;
}
