using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>What `ingest maps` made of its files: maps that passed the sky-map codec, and the refused ones with reasons.</summary>
public sealed record MapAssembly(IReadOnlyList<SkyMap> Maps, IReadOnlyList<MapRejection> Rejections);
