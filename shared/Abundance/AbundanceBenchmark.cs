using System.Diagnostics;
using StreamProcessor.Abundance.Mocks;
using StreamProcessor.Abundance.Selection;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Abundance;

/// <summary>
/// <c>bench massfunction</c>: ingestion rate over 200 000 posteriors, and the time of the cold first and of a warm
/// snapshot (50 × 50 grid) on a Planck18 mock survey.
/// </summary>
public static class AbundanceBenchmark
{
    /// <summary>Posteriors in the timed ingestion loop.</summary>
    public const int IngestCount = 200_000;

    /// <summary>Distinct clusters among them (the rest are re-runs of earlier ones, so replacement is timed too).</summary>
    public const int DistinctClusters = 150_000;

    private const string SurveyName = "bench";
    private const int WarmRepeats = 5;

    /// <summary>The survey the benchmark uses: 5000 deg², 0.03 &lt; z &lt; 0.15, 10^13.5–10^15.5 in 0.1 dex, a logistic selection.</summary>
    public static SurveyConfiguration BenchmarkSurvey() => new()
    {
        Name = SurveyName,
        SkyAreaDeg2 = 5000,
        RedshiftEdges = [0.03, 0.07, 0.11, 0.15],
        Log10MassEdges = [.. Enumerable.Range(0, 21).Select(i => 13.5 + (0.1 * i))],
        Completeness = new LogisticCompleteness(13.6, 1.0, 0.05),
    };

    /// <summary>Runs the benchmark, prints a report to <paramref name="output"/> and returns the figures.</summary>
    public static AbundanceBenchmarkResult Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        SurveyConfiguration survey = BenchmarkSurvey();

        // Ingestion: posteriors are built beforehand; the loop times Ingest only (decoding is the codec's job).
        DateTimeOffset epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var random = new Random(7);
        var posteriors = new MassPosterior[IngestCount];
        for (int k = 0; k < IngestCount; k++)
        {
            int id = k % DistinctClusters;
            posteriors[k] = new MassPosterior(
                $"bench-{id:D6}", SurveyName, 0.03 + (0.12 * random.NextDouble()), epoch.AddSeconds(k), 13.5 + (2.0 * random.NextDouble()), 0.1);
        }

        var warmUp = new MassFunctionAccumulator([survey]);
        for (int k = 0; k < 10_000; k++) _ = warmUp.Ingest(posteriors[k]);

        var accumulator = new MassFunctionAccumulator([survey]);
        var clock = Stopwatch.StartNew();
        foreach (MassPosterior posterior in posteriors) _ = accumulator.Ingest(posterior);
        double ingestSeconds = clock.Elapsed.TotalSeconds;
        double rate = IngestCount / ingestSeconds;
        output.WriteLine($"ingest: {IngestCount:N0} posteriors ({DistinctClusters:N0} clusters) in {ingestSeconds * 1e3:F1} ms = {rate:N0} posteriors/s");

        // Snapshots on a Planck18 mock survey, σ = 0.1 dex posteriors.
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(FlatLcdm.Planck18, new MockSurveyOptions { SkyAreaDeg2 = survey.SkyAreaDeg2, Seed = 11 });
        IReadOnlyList<MassPosterior> observed = MockPosteriors.Observe(haloes, SurveyName, survey.Completeness, 0.1, 12, epoch);
        var mock = new MassFunctionAccumulator([survey]);
        foreach (MassPosterior posterior in observed) _ = mock.Ingest(posterior);

        SigmaTable.ClearCache();
        clock.Restart();
        MassFunctionSnapshot first = mock.Snapshot(SurveyName);
        double cold = clock.Elapsed.TotalSeconds;

        var warm = new double[WarmRepeats];
        for (int r = 0; r < WarmRepeats; r++)
        {
            clock.Restart();
            _ = mock.Snapshot(SurveyName);
            warm[r] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(warm);
        double warmMedian = warm[WarmRepeats / 2];
        int gridPoints = survey.OmegaMCount * survey.Sigma8Count;
        output.WriteLine($"update: {observed.Count:N0} clusters, {survey.OmegaMCount}x{survey.Sigma8Count} grid, {survey.MassSamplingDraws} draws: " +
                         $"cold first {cold:F2} s, warm {warmMedian * 1e3:F1} ms (median of {WarmRepeats})");
        if (first.Cosmology is { } c)
        {
            output.WriteLine($"  mock fit: Omega_m = {c.OmegaM.Mean:F3} +- {c.OmegaM.Sigma:F3}, sigma8 = {c.Sigma8.Mean:F3} +- {c.Sigma8.Sigma:F3}, " +
                             $"S8 = {c.S8.Mean:F3} +- {c.S8.Sigma:F3} ({c.FitClusterCount} clusters above 10^{c.FitLog10MassMin:F1})");
        }

        // The ingestion state (150 000 clusters, same σ, so the grid is warm): sampling dominates.
        accumulator.Warm(SurveyName, 0.1);
        _ = accumulator.Snapshot(SurveyName);
        clock.Restart();
        _ = accumulator.Snapshot(SurveyName);
        double large = clock.Elapsed.TotalSeconds;
        output.WriteLine($"update with {DistinctClusters:N0} clusters (warm grid): {large * 1e3:F1} ms");

        return new AbundanceBenchmarkResult(IngestCount, rate, observed.Count, cold, warmMedian, gridPoints, DistinctClusters, large);
    }
}
