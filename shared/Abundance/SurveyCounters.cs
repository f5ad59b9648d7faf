namespace StreamProcessor.Abundance;

/// <summary>Bookkeeping of one survey's accumulator.</summary>
/// <param name="PosteriorsReceived">Posteriors offered for this survey (valid ones, stored or not).</param>
/// <param name="Added">Posteriors that were the first of their cluster.</param>
/// <param name="Replaced">Posteriors that replaced an older one of their cluster.</param>
/// <param name="IgnoredAsOlder">Posteriors older than the stored one of their cluster (replays, late messages).</param>
/// <param name="ClustersStored">Distinct clusters (each counted once, whatever the number of posteriors).</param>
/// <param name="ClustersAccepted">Distinct clusters whose newest posterior is accepted (these are counted).</param>
/// <param name="ClustersRejected">Distinct clusters whose newest posterior is rejected (not counted).</param>
/// <param name="Revision">Added + Replaced: changes when, and only when, the stored state changes.</param>
public sealed record SurveyCounters(
    long PosteriorsReceived,
    long Added,
    long Replaced,
    long IgnoredAsOlder,
    int ClustersStored,
    int ClustersAccepted,
    int ClustersRejected,
    long Revision);
