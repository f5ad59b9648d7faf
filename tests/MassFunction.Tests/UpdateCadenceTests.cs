using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

public sealed class UpdateCadenceTests
{
    [Fact]
    public void An_update_is_due_after_N_posteriors_or_T_whichever_comes_first()
    {
        var time = new ManualTimeProvider();
        var cadence = new UpdateCadence(100, TimeSpan.FromSeconds(10), time);

        cadence.Count(99);
        Assert.False(cadence.IsDue);
        cadence.Count(1);
        Assert.True(cadence.IsDue);

        cadence.Reset();
        cadence.Count(5);
        time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(cadence.IsDue);
        Assert.Equal(TimeSpan.FromSeconds(0.1), cadence.UntilDue);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(cadence.IsDue);
        Assert.Equal(TimeSpan.Zero, cadence.UntilDue);
    }

    [Fact]
    public void Sequences_continue_from_the_largest_one_seen_and_start_at_one()
    {
        var sequences = new UpdateSequences();
        sequences.Observe("a", 7);
        sequences.Observe("a", 3);

        Assert.Equal(8, sequences.Next("a"));
        Assert.Equal(9, sequences.Next("a"));
        Assert.Equal(1, sequences.Next("b"));
    }
}
