namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// A step that may hold an input instead of answering it at once (<see cref="StepResult{T}.Held"/>), e.g. a join that
/// waits for the other maps of an object. The worker asks it, and nothing else, where the held inputs are:
/// <list type="bullet">
/// <item>an offset is never committed past the lowest offset the step still holds in that partition, so a held input
/// is re-read after a crash, a stop or a rebalance (and its output, keyed by object id, overwrites any earlier one);</item>
/// <item>on every turn of the consume loop (at least every 200 ms when idle) the worker takes the outputs whose wait ran
/// out, publishes them, and then commits what they released;</item>
/// <item>when partitions are revoked or lost, the step forgets what it holds from them: their next owner re-reads it.</item>
/// </list>
/// The worker calls these from its one loop thread, never concurrently with <see cref="IStreamStep{TIn,TOut}.ProcessAsync"/>.
/// </summary>
public interface IHoldingStep<TOut>
{
    /// <summary>Per input partition, the lowest offset of an input the step still holds; partitions without one are absent.</summary>
    IReadOnlyDictionary<InputPartition, long> LowestHeldOffsets();

    /// <summary>Removes from the step's state, and returns, the outputs whose wait has run out at <paramref name="now"/>.</summary>
    IReadOnlyList<TOut> ReleaseDue(DateTimeOffset now);

    /// <summary>Drops every input held from <paramref name="partitions"/> (no longer assigned to this replica).</summary>
    void Forget(IReadOnlyCollection<InputPartition> partitions);
}

/// <summary>One partition of an input topic, as a step sees it (no Kafka types).</summary>
public readonly record struct InputPartition(string Topic, int Partition);
