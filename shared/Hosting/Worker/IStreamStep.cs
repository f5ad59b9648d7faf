namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// The one piece of logic a service adds to the shared worker: a batch of decoded inputs in, one result per
/// input out (same order). It knows nothing about Kafka, offsets or retries, so it is tested without a broker.
/// Throwing means "transient or unexpected": the worker retries, then isolates the failing record.
/// </summary>
public interface IStreamStep<TIn, TOut>
{
    Task<IReadOnlyList<StepResult<TOut>>> ProcessAsync(IReadOnlyList<StreamInput<TIn>> batch, CancellationToken cancellationToken);
}
