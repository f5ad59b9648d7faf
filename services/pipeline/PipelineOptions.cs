namespace StreamProcessor.Pipeline;

/// <summary>Settings of one main-job run (command-line options of `pipeline`).</summary>
/// <param name="Clusters">Candidate clusters in the demo survey.</param>
/// <param name="Seed">Simulator seed.</param>
/// <param name="OutputFolder">Where posteriors.parquet, predicted-vs-true.png and summary.json go.</param>
/// <param name="Timeout">How long to wait for every posterior.</param>
/// <param name="CandidateMinimumGalaxies">
/// Candidates are published from this many observed galaxies up; the phase-space profiles reject those under their
/// richness cut (11), so the run shows rejected detections beside accepted ones.
/// </param>
public sealed record PipelineOptions(int Clusters, ulong Seed, string OutputFolder, TimeSpan Timeout, int CandidateMinimumGalaxies);
