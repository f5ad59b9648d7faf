namespace StreamProcessor.Ingestion.Maps;

/// <summary>A map `ingest maps` refused: the file (and row, for Arrow tables), the map id when known, and why.</summary>
public sealed record MapRejection(string Source, string? MapId, string Reason);
