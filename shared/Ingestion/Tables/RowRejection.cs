namespace StreamProcessor.Ingestion.Tables;

/// <summary>A row (1-based, header excluded) or a whole cluster that `ingest` refused, and why.</summary>
public sealed record RowRejection(long Row, string? ClusterId, string Reason);
