using System.Globalization;
using System.Text;
using System.Text.Json;
using MathNet.Numerics.Statistics;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Pipeline.Maps;

/// <summary>What `pipeline maps` prints and writes as summary.json: the stream's counts and timings, and the posteriors against the true CGM properties.</summary>
internal sealed record MapsDemoSummary(
    int MapsPublished,
    int MalformedPublished,
    int Objects,
    int JoinedComplete,
    int JoinedPartial,
    int PosteriorsReceived,
    int Accepted,
    int OutOfDistribution,
    int LoneXrayObjects,
    int LoneXrayServedPartialByXrayModel,
    IReadOnlyDictionary<string, int> PosteriorsByModel,
    IReadOnlyDictionary<string, int> RejectedByReason,
    IReadOnlyDictionary<string, long> DeadLetteredByTopic,
    int DuplicatePosteriors,
    double WallSeconds,
    double MapsPerSecond,
    double LatencyP50Seconds,
    double LatencyP95Seconds,
    double PartialLatencyP50Seconds,
    double PartialLatencyP95Seconds,
    bool UntrainedModels,
    IReadOnlyList<PropertyAgainstTruth> Properties)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static MapsDemoSummary From(
        int published, int malformed, int objects, IReadOnlySet<string> loneIds, (double Complete, double Partial) joins,
        IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, IReadOnlyDictionary<string, long> deadLettered,
        int duplicates, (DateTime First, DateTime Last) span, IReadOnlyList<double> completeLatencies, IReadOnlyList<double> partialLatencies, bool untrained)
    {
        var accepted = posteriors.Where(p => p.Status == RecordStatus.Accepted).ToList();
        var properties = new List<PropertyAgainstTruth>();
        foreach (var model in accepted.GroupBy(p => p.ModelName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rows = model.Where(p => truth.ContainsKey(p.ObjectId)).ToList();
            if (rows.Count < 2) continue;
            // The models' outputs and the maps' true values share the generator's target order (CgmTargets.Names).
            for (int k = 0; k < rows[0].ParameterNames.Count && k < SkyMapTargets.Names.Count; k++)
            {
                double[] t = [.. rows.Select(p => truth[p.ObjectId][k])];
                double[] m = [.. rows.Select(p => p.Mean[k])];
                double[] s = [.. rows.Select(p => p.Sigma[k])];
                double mean = t.Average();
                double residual = t.Zip(m, (a, b) => (a - b) * (a - b)).Sum();
                double total = t.Sum(a => (a - mean) * (a - mean));
                properties.Add(new PropertyAgainstTruth(
                    rows[0].ParameterNames[k], model.Key, rows.Count,
                    total > 0 ? 1 - (residual / total) : double.NaN,
                    Math.Sqrt(residual / rows.Count),
                    Enumerable.Range(0, t.Length).Count(i => Math.Abs(t[i] - m[i]) < s[i]) / (double)t.Length));
            }
        }

        var byId = posteriors.ToDictionary(p => p.ObjectId);
        int loneServed = loneIds.Count(id => byId.TryGetValue(id, out var p) && p.Status == RecordStatus.Accepted
            && p.ParameterNames.Count > 0 && p.OutOfDistribution && p.ModelName.Contains("xray", StringComparison.Ordinal) && !p.ModelName.Contains("multifield", StringComparison.Ordinal));
        double wall = Math.Max(1e-3, (span.Last - span.First).TotalSeconds);
        return new MapsDemoSummary(
            published, malformed, objects, (int)joins.Complete, (int)joins.Partial, posteriors.Count, accepted.Count, accepted.Count(p => p.OutOfDistribution),
            loneIds.Count, loneServed,
            posteriors.GroupBy(p => p.Status == RecordStatus.Accepted ? p.ModelName : "(rejected)").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            posteriors.Where(p => p.Status == RecordStatus.Rejected).GroupBy(p => p.RejectionReason ?? "unknown").ToDictionary(g => g.Key, g => g.Count()),
            deadLettered, duplicates, wall, published / wall,
            Quantile(completeLatencies, 0.5), Quantile(completeLatencies, 0.95), Quantile(partialLatencies, 0.5), Quantile(partialLatencies, 0.95),
            untrained, properties);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"  maps published           {MapsPublished} ({Objects} objects, {LoneXrayObjects} of them X-ray only) + {MalformedPublished} malformed");
        output.WriteLine($"  records joined           {JoinedComplete} complete, {JoinedPartial} partial");
        output.WriteLine($"  posteriors received      {PosteriorsReceived} ({Accepted} accepted, {OutOfDistribution} of them flagged out-of-distribution; {PosteriorsReceived - Accepted} rejected; {DuplicatePosteriors} duplicates)");
        foreach (var (model, n) in PosteriorsByModel)
        {
            output.WriteLine($"  posteriors by model {n,5}  {model}");
        }

        output.WriteLine($"  lone X-ray maps          {LoneXrayServedPartialByXrayModel} of {LoneXrayObjects} served by the X-ray model and flagged partial");
        foreach (var (reason, n) in RejectedByReason.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  rejected {n,5}  {reason}");
        }

        foreach (var (topic, n) in DeadLetteredByTopic)
        {
            output.WriteLine($"  dead-lettered {n,4}  {topic}");
        }

        output.WriteLine($"  out-of-distribution      {(Accepted > 0 ? OutOfDistribution / (double)Accepted : double.NaN):P1} of accepted posteriors (partial joins are always flagged)");
        output.WriteLine($"  throughput               {MapsPerSecond:F1} maps/s over {WallSeconds:F1} s (first map sent to last posterior: includes the lone maps' join wait)");
        output.WriteLine($"  end-to-end latency       complete p50 {LatencyP50Seconds * 1000:F0} ms, p95 {LatencyP95Seconds * 1000:F0} ms; " +
            $"partial p50 {PartialLatencyP50Seconds * 1000:F0} ms, p95 {PartialLatencyP95Seconds * 1000:F0} ms (burst ingest: includes queueing; partial includes the join wait)");
        output.WriteLine($"  vs truth{(UntrainedModels ? " (UNTRAINED models: meaningless)" : ""),-16} property            model                          n       R2     RMSE  68% cov");
        foreach (var p in Properties)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"                           {p.Name,-19} {p.Model,-28} {p.Count,4} {p.RSquared,8:F3} {p.Rmse,8:F3} {p.Coverage68,7:P1}"));
        }
    }

    public async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, IReadOnlySet<string> loneIds)
    {
        Directory.CreateDirectory(folder);
        string json = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(this, JsonOptions));
        string csv = Path.Combine(folder, "posteriors.csv");
        await File.WriteAllTextAsync(csv, Csv(posteriors, truth, loneIds));
        return [json, csv];
    }

    /// <summary>One row per posterior: identity, status, serving model, flags, then mean, sigma and truth of each of the six properties.</summary>
    private static string Csv(IReadOnlyList<Posterior> posteriors, IReadOnlyDictionary<string, double[]> truth, IReadOnlySet<string> loneIds)
    {
        var text = new StringBuilder();
        var names = posteriors.FirstOrDefault(p => p.ParameterNames.Count == SkyMapTargets.Names.Count)?.ParameterNames ?? SkyMapTargets.Names;
        text.Append("object_id,status,model_name,model_version,lone_xray,out_of_distribution,ood_reason,rejection_reason,inference_ms");
        foreach (string name in names) text.Append(CultureInfo.InvariantCulture, $",{name}_mean,{name}_sigma,{name}_true");
        text.AppendLine();
        foreach (var p in posteriors)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{p.ObjectId},{p.Status.ToString().ToLowerInvariant()},{p.ModelName},{p.ModelVersion},{loneIds.Contains(p.ObjectId)},{p.OutOfDistribution},{Quote(p.OodReason)},{Quote(p.RejectionReason)},{p.InferenceMs:G6}");
            truth.TryGetValue(p.ObjectId, out var t);
            for (int k = 0; k < names.Count; k++)
            {
                string mean = k < p.Mean.Count ? p.Mean[k].ToString("G8", CultureInfo.InvariantCulture) : "";
                string sigma = k < p.Sigma.Count ? p.Sigma[k].ToString("G8", CultureInfo.InvariantCulture) : "";
                string truthValue = t is not null && k < t.Length ? t[k].ToString("G8", CultureInfo.InvariantCulture) : "";
                text.Append(CultureInfo.InvariantCulture, $",{mean},{sigma},{truthValue}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Quote(string? value) => value is null ? "" : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static double Quantile(IReadOnlyList<double> values, double q) => values.Count > 0 ? values.Quantile(q) : double.NaN;
}

/// <summary>One property's posteriors from one model against the truth: R² of mean vs truth, RMSE, fraction of truths within 1 sigma.</summary>
internal sealed record PropertyAgainstTruth(string Name, string Model, int Count, double RSquared, double Rmse, double Coverage68);
