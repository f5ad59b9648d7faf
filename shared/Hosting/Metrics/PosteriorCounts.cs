namespace StreamProcessor.Hosting.Metrics;

/// <summary>
/// What an inference step reports per batch and per posterior (<see cref="InferenceMetrics"/>), and the running
/// out-of-distribution fraction, which needs the step's own counts since start. One instance per step; thread-safe.
/// </summary>
public sealed class PosteriorCounts(string service)
{
    private long _accepted;
    private long _outOfDistribution;

    /// <summary>One forward pass of <paramref name="size"/> inputs on <paramref name="device"/>.</summary>
    public void Batch(int size, string device, TimeSpan elapsed)
    {
        InferenceMetrics.Duration.WithLabels(service, device).Observe(elapsed.TotalSeconds);
        InferenceMetrics.BatchSize.WithLabels(service).Observe(size);
    }

    /// <summary>An accepted posterior; <paramref name="oodCategory"/> is the low-cardinality label of its OOD reason, or null.</summary>
    public void Accepted(string? oodCategory)
    {
        Interlocked.Increment(ref _accepted);
        if (oodCategory is not null)
        {
            Interlocked.Increment(ref _outOfDistribution);
            InferenceMetrics.OutOfDistribution.WithLabels(service, oodCategory).Inc();
        }

        InferenceMetrics.Posteriors.WithLabels(service, "accepted").Inc();
    }

    /// <summary>Publishes the fraction of accepted posteriors flagged out of distribution since start (once per batch).</summary>
    public void UpdateOodFraction() =>
        InferenceMetrics.OodFraction.WithLabels(service).Set((double)Interlocked.Read(ref _outOfDistribution) / Math.Max(1, Interlocked.Read(ref _accepted)));

    /// <summary>A rejected posterior (the input could not be inferred; it still goes out, with its reason).</summary>
    public void Rejected() => InferenceMetrics.Posteriors.WithLabels(service, "rejected").Inc();

}
