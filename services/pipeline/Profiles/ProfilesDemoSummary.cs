using System.Text.Json;
using MathNet.Numerics.Statistics;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Plotting;

namespace StreamProcessor.Pipeline.Profiles;

/// <summary>What `pipeline profiles` prints and writes as summary.json: the stream's counts and timings, and the posteriors against the truth.</summary>
internal sealed record ProfilesDemoSummary(
    int ProfilesPublished,
    int PosteriorsReceived,
    int Accepted,
    int OutOfDistribution,
    IReadOnlyDictionary<string, int> RejectedByReason,
    IReadOnlyDictionary<string, long> DeadLetteredByTopic,
    int DuplicatePosteriors,
    double WallSeconds,
    double ProfilesPerSecond,
    double LatencyP50Seconds,
    double LatencyP99Seconds,
    IReadOnlyDictionary<string, ParameterAgainstTruth> Parameters)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static ProfilesDemoSummary From(
        int published, IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, string[] names, string[] groups,
        IReadOnlyDictionary<string, long> deadLettered, int duplicates, (DateTime First, DateTime Last) span, IReadOnlyList<double> latencies)
    {
        var accepted = posteriors.Where(p => p.Status == RecordStatus.Accepted).ToList();
        var (t, m, s) = Columns(accepted, truth, names);
        var parameters = new Dictionary<string, ParameterAgainstTruth>();
        for (int k = 0; k < names.Length; k++)
        {
            if (t[k].Length < 2)
            {
                continue;
            }

            int covered = Enumerable.Range(0, t[k].Length).Count(i => Math.Abs(t[k][i] - m[k][i]) < s[k][i]);
            parameters[names[k]] = new ParameterAgainstTruth(groups[k], Correlation.Pearson(t[k], m[k]), covered / (double)t[k].Length,
                Math.Sqrt(t[k].Zip(m[k], (a, b) => (a - b) * (a - b)).Average()));
        }

        double wall = Math.Max(1e-3, (span.Last - span.First).TotalSeconds);
        return new ProfilesDemoSummary(
            published, posteriors.Count, accepted.Count, accepted.Count(p => p.OutOfDistribution),
            posteriors.Where(p => p.Status == RecordStatus.Rejected).GroupBy(p => p.RejectionReason ?? "unknown").ToDictionary(g => g.Key, g => g.Count()),
            deadLettered, duplicates, wall, posteriors.Count / wall,
            latencies.Count > 0 ? latencies.Quantile(0.5) : double.NaN, latencies.Count > 0 ? latencies.Quantile(0.99) : double.NaN, parameters);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"  profiles published       {ProfilesPublished}");
        output.WriteLine($"  posteriors received      {PosteriorsReceived} ({Accepted} accepted, {OutOfDistribution} of them flagged out-of-distribution; {PosteriorsReceived - Accepted} rejected; {DuplicatePosteriors} duplicates)");
        foreach (var (reason, n) in RejectedByReason.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  rejected {n,5}  {reason}");
        }

        foreach (var (topic, n) in DeadLetteredByTopic)
        {
            output.WriteLine($"  dead-lettered {n,4}  {topic}");
        }

        output.WriteLine($"  throughput               {ProfilesPerSecond:F0} profiles/s over {WallSeconds:F1} s");
        output.WriteLine($"  end-to-end latency       p50 {LatencyP50Seconds * 1000:F0} ms, p99 {LatencyP99Seconds * 1000:F0} ms (burst ingest: includes queueing)");
        foreach (var group in Parameters.GroupBy(p => p.Value.Group))
        {
            var best = group.OrderByDescending(p => p.Value.PearsonR).First();
            output.WriteLine($"  {group.Key,-13} vs truth   median r {group.Select(p => p.Value.PearsonR).Median():F2} (best {best.Key} {best.Value.PearsonR:F2}), " +
                $"mean 68% coverage {group.Average(p => p.Value.Coverage68):P1} over {group.Count()} parameters");
        }
    }

    public async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, string[] names, string[] groups)
    {
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(this, JsonOptions));
        var (t, m, s) = Columns([.. posteriors.Where(p => p.Status == RecordStatus.Accepted)], truth, names);
        if (t.Any(column => column.Length == 0))
        {
            return [json];
        }

        string plot = ParameterPlots.PredictedVersusTrue(Path.Combine(folder, "predicted-vs-true.png"), names, groups, t, m, s);
        return [json, plot];
    }

    /// <summary>Truth, mean and sigma per parameter ([parameter][posterior]) of the posteriors that name every parameter.</summary>
    private static (double[][] Truth, double[][] Mean, double[][] Sigma) Columns(IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, string[] names)
    {
        var rows = posteriors.Where(p => truth.ContainsKey(p.ObjectId) && names.All(p.ParameterNames.Contains)).ToList();
        double[][] Pick(Func<Posterior, int, double> value) =>
            [.. names.Select((name, k) => rows.Select(p => value(p, k)).ToArray())];
        return (
            Pick((p, k) => truth[p.ObjectId][k]),
            Pick((p, k) => p.Mean[IndexOf(p, names[k])]),
            Pick((p, k) => p.Sigma[IndexOf(p, names[k])]));
    }

    private static int IndexOf(Posterior posterior, string name) => posterior.ParameterNames.ToList().IndexOf(name);
}

/// <summary>One parameter's posteriors against the truth: Pearson r of mean and truth, fraction within 1 sigma, RMSE.</summary>
internal sealed record ParameterAgainstTruth(string Group, double PearsonR, double Coverage68, double Rmse);
