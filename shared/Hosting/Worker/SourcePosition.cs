namespace StreamProcessor.Hosting.Worker;

/// <summary>Where a record came from: the provenance every output carries.</summary>
public sealed record SourcePosition(string Topic, int Partition, long Offset);
