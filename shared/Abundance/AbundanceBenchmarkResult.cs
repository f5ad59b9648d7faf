namespace StreamProcessor.Abundance;

/// <summary>Figures measured by <see cref="AbundanceBenchmark.Run"/>.</summary>
/// <param name="PosteriorsIngested">Posteriors ingested in the timed loop.</param>
/// <param name="PosteriorsPerSecond">Ingestion rate.</param>
/// <param name="MockClusters">Clusters of the mock survey used for the update timings.</param>
/// <param name="ColdUpdateSeconds">First snapshot from an empty process-wide σ(M) cache (builds the whole grid).</param>
/// <param name="WarmUpdateSeconds">Median of the following snapshots.</param>
/// <param name="GridPoints">Grid size of the cosmology fit.</param>
/// <param name="LargeStateClusters">Clusters in the state of the large-state timing.</param>
/// <param name="LargeStateWarmUpdateSeconds">A warm snapshot with that many clusters (sampling dominates).</param>
public sealed record AbundanceBenchmarkResult(
    int PosteriorsIngested,
    double PosteriorsPerSecond,
    int MockClusters,
    double ColdUpdateSeconds,
    double WarmUpdateSeconds,
    int GridPoints,
    int LargeStateClusters,
    double LargeStateWarmUpdateSeconds);
