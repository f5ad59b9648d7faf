namespace StreamProcessor.Pipeline;

/// <summary>Settings of one main-job run (command-line options of `pipeline`).</summary>
public sealed record PipelineOptions(int Clusters, ulong Seed, string OutputFolder, TimeSpan Timeout);
