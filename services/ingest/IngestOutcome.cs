using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Publishing;

namespace StreamProcessor.IngestCli;

/// <summary>What an `ingest` run did: the assembly (file input only), the publish result (when it published) and the exit code.</summary>
public sealed record IngestOutcome(int ExitCode, CatalogueAssembly? Assembly = null, PublishResult? Publish = null, string? Error = null);
