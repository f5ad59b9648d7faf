using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.Hosting.Tests;

/// <summary>Doubles each value; a value of exactly 13 makes it throw (an unexpected processing error).</summary>
internal sealed class DoublingStep : IStreamStep<ScaledValue, ScaledValue>
{
    private int _largestBatch;

    /// <summary>The most records handed to one call.</summary>
    public int LargestBatch => Volatile.Read(ref _largestBatch);

    public Task<IReadOnlyList<StepResult<ScaledValue>>> ProcessAsync(IReadOnlyList<StreamInput<ScaledValue>> batch, CancellationToken cancellationToken)
    {
        int seen;
        while ((seen = Volatile.Read(ref _largestBatch)) < batch.Count && Interlocked.CompareExchange(ref _largestBatch, batch.Count, seen) != seen)
        {
        }

        if (batch.Any(b => b.Message.Value == 13)) throw new InvalidOperationException("unlucky value");
        IReadOnlyList<StepResult<ScaledValue>> results = batch
            .Select(b => StepResult<ScaledValue>.Emit(b.Message with { Value = 2 * b.Message.Value }))
            .ToList();
        return Task.FromResult(results);
    }
}
