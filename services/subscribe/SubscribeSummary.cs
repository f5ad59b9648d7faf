namespace StreamProcessor.SubscribeCli;

/// <summary>What a `subscribe` run read.</summary>
/// <param name="Read">Records consumed.</param>
/// <param name="Matched">Records decoded and kept by the filters (and written).</param>
/// <param name="Undecodable">Records the topic's codec refused.</param>
/// <param name="UndecodableByReason">Reason label → (count, first message).</param>
/// <param name="ReachedEnd">True when every partition reached its end offset (bounded reads) or --max was reached.</param>
/// <param name="TimedOut">True when reading stopped because no record arrived within the timeout.</param>
public sealed record SubscribeSummary(
    long Read,
    long Matched,
    long Undecodable,
    IReadOnlyDictionary<string, (long Count, string Example)> UndecodableByReason,
    bool ReachedEnd,
    bool TimedOut);
