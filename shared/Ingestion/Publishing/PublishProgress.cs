namespace StreamProcessor.Ingestion.Publishing;

/// <summary>Where a publish stands: records handed to the producer, acknowledged by the broker, and failed.</summary>
/// <param name="Total">Catalogues to publish.</param>
/// <param name="Sent">Records handed to the producer.</param>
/// <param name="Acknowledged">Records the broker acknowledged (acks=all: durably in the log).</param>
/// <param name="Failed">Catalogues that could not be encoded or whose delivery failed.</param>
public sealed record PublishProgress(long Total, long Sent, long Acknowledged, long Failed)
{
    /// <summary>Catalogues whose fate is known (acknowledged or failed).</summary>
    public long Completed => Acknowledged + Failed;
}
