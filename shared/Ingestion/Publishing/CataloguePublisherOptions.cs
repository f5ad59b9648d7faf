namespace StreamProcessor.Ingestion.Publishing;

/// <summary>Settings of <see cref="MessagePublisher{T}"/> (<see cref="CataloguePublisher"/> and the profile publisher of `ingest profiles`).</summary>
public sealed record CataloguePublisherOptions
{
    /// <summary>
    /// Most records produced but not yet acknowledged. Bounds memory and keeps a burst from outrunning the embedded
    /// broker, which retains only about 5 MiB per partition (README "Embedded broker").
    /// </summary>
    public int MaxInFlight { get; init; } = 500;

    /// <summary>How often progress is reported while publishing.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many failure messages the result keeps (all failures are counted).</summary>
    public int MaxErrorExamples { get; init; } = 10;

    public CataloguePublisherOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxInFlight);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ProgressInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxErrorExamples);
        return this;
    }
}
