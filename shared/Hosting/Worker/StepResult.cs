namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// What a step made of one input. A skip or a dead letter is a result with a reason, never a sentinel value.
/// </summary>
public abstract record StepResult<T>
{
    /// <summary>Outputs to publish (usually one), keyed by the output codec.</summary>
    public sealed record Emitted(IReadOnlyList<T> Outputs) : StepResult<T>;

    /// <summary>Nothing to publish, by design (e.g. a duplicate); counted by reason.</summary>
    public sealed record Skipped(string Reason) : StepResult<T>;

    /// <summary>The input cannot be processed: it goes to the dead-letter topic with this reason.</summary>
    public sealed record DeadLettered(string Reason, string Message) : StepResult<T>;

    /// <summary>
    /// Held by the step (an <see cref="IHoldingStep{TOut}"/>): nothing to publish now; the step answers later, from a later
    /// input or when a wait runs out, and until then the worker does not commit past this input.
    /// </summary>
    public sealed record Held(string Reason) : StepResult<T>;

    public static StepResult<T> Emit(T output) => new Emitted([output]);

    public static StepResult<T> EmitMany(IReadOnlyList<T> outputs) => new Emitted(outputs);

    public static StepResult<T> Skip(string reason) => new Skipped(reason);

    public static StepResult<T> Hold(string reason) => new Held(reason);

    public static StepResult<T> DeadLetter(string reason, string message) => new DeadLettered(reason, message);
}
