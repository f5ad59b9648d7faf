using StreamProcessor.Ingestion.Catalogues;
using StreamProcessor.Ingestion.Maps;
using StreamProcessor.Ingestion.Profiles;
using StreamProcessor.Ingestion.Publishing;

namespace StreamProcessor.IngestCli;

/// <summary>
/// What an `ingest` run did: the assembly of a catalogue file, of a profile file or of map files, the publish result (when it
/// published) and the exit code.
/// </summary>
public sealed record IngestOutcome(
    int ExitCode, CatalogueAssembly? Assembly = null, PublishResult? Publish = null, string? Error = null, ProfileAssembly? Profiles = null,
    MapAssembly? Maps = null);
