namespace StreamProcessor.Ingestion.Publishing;

/// <summary>The outcome of <see cref="MessagePublisher{T}.PublishAsync"/>.</summary>
/// <param name="Total">Catalogues given.</param>
/// <param name="Sent">Records handed to the producer.</param>
/// <param name="Acknowledged">Records the broker acknowledged.</param>
/// <param name="Failed">Catalogues not published (encoding refused or delivery failed).</param>
/// <param name="Errors">The first few failures, "cluster-id: reason".</param>
public sealed record PublishResult(long Total, long Sent, long Acknowledged, long Failed, IReadOnlyList<string> Errors);
