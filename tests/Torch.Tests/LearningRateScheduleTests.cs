using StreamProcessor.Torch.Training;

namespace StreamProcessor.Torch.Tests;

public sealed class LearningRateScheduleTests
{
    private readonly LearningRateSchedule _schedule = new(InitialRate: 1e-3, FinalRate: 5e-5, Epochs: 10, WarmupSteps: 4);

    [Fact]
    public void Cosine_annealing_runs_from_the_initial_rate_to_the_final_one()
    {
        Assert.Equal(1e-3, _schedule.EpochRate(1), 15);
        // Loshchilov & Hutter Eq. 5 half way: the mean of the two rates.
        Assert.Equal((1e-3 + 5e-5) / 2, _schedule.EpochRate(6), 15);
        Assert.Equal(5e-5, _schedule.EpochRate(11), 15);
        Assert.Equal(5e-5, _schedule.EpochRate(50), 15);
        for (int epoch = 1; epoch < 11; epoch++)
        {
            Assert.True(_schedule.EpochRate(epoch + 1) < _schedule.EpochRate(epoch));
        }
    }

    [Fact]
    public void Warm_up_rises_linearly_over_the_first_steps_then_follows_the_epoch_rate()
    {
        Assert.Equal(0.25e-3, _schedule.StepRate(1, 1), 15);
        Assert.Equal(0.75e-3, _schedule.StepRate(1, 3), 15);
        Assert.Equal(1e-3, _schedule.StepRate(1, 4), 15);
        Assert.Equal(_schedule.EpochRate(3), _schedule.StepRate(3, 400), 15);
        Assert.Equal(1e-3, (_schedule with { WarmupSteps = 0 }).StepRate(1, 1), 15);
    }

    [Fact]
    public void Steps_and_epochs_count_from_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _schedule.EpochRate(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _schedule.StepRate(1, 0));
    }
}
