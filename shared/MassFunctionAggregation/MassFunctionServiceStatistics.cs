namespace StreamProcessor.MassFunctionAggregation;

/// <summary>What the service has done since it started (read by the science check, the tests and the benchmark).</summary>
/// <param name="RecordsReplayed">Records re-read at start that an earlier run had already processed.</param>
/// <param name="RecordsConsumed">Records processed for the first time (in the rebuild or live).</param>
/// <param name="PosteriorsIngested">Decoded posteriors handed to the accumulator, replayed or new.</param>
/// <param name="DeadLettered">Records sent to posteriors.mass.dlq.</param>
/// <param name="UpdatesPublished">massfunction records acknowledged by the broker.</param>
/// <param name="RebuildSeconds">Time of the start-up rebuild (NaN before it finished).</param>
/// <param name="FirstUpdateSeconds">Compute time of the first survey update (NaN before one).</param>
/// <param name="LastUpdateSeconds">Compute time of the latest survey update (NaN before one).</param>
/// <param name="TotalUpdateSeconds">Compute time of all survey updates since start (the consume loop does not ingest meanwhile).</param>
public sealed record MassFunctionServiceStatistics(
    long RecordsReplayed,
    long RecordsConsumed,
    long PosteriorsIngested,
    long DeadLettered,
    long UpdatesPublished,
    double RebuildSeconds,
    double FirstUpdateSeconds,
    double LastUpdateSeconds,
    double TotalUpdateSeconds);
