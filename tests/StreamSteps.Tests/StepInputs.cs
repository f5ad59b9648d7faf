using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>Messages wrapped as the worker hands them to a step: keyed, with a source position and broker times.</summary>
internal static class StepInputs
{
    public static readonly DateTimeOffset Logged = new(2026, 3, 20, 21, 0, 0, TimeSpan.Zero);

    public static StreamInput<T> At<T>(T message, string key, string topic, int partition, long offset) =>
        new(message, key, new SourcePosition(topic, partition, offset), Logged, Logged.AddMilliseconds(40));
}
