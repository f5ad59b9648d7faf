using System.Text.RegularExpressions;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Pipeline;

/// <summary>What a person reads at the end of the main job; also written as summary.json.</summary>
public sealed partial record RunSummary(
    int CataloguesPublished,
    int PosteriorsReceived,
    int Accepted,
    IReadOnlyDictionary<string, int> RejectedByReason,
    IReadOnlyDictionary<string, long> DeadLetteredByTopic,
    int OutOfDistribution,
    int DuplicatePosteriors,
    double WallSeconds,
    double CataloguesPerSecond,
    double LatencyP50Seconds,
    double LatencyP99Seconds,
    double? ResidualScatterDex,
    double? ResidualBiasDex,
    double? Coverage68,
    double? CredibleCoverage68 = null)
{
    public static RunSummary From(
        int published,
        IReadOnlyList<Posterior> posteriors,
        IReadOnlyDictionary<string, long> deadLettered,
        int duplicates,
        (DateTime First, DateTime Last) span,
        IReadOnlyList<double> latencies)
    {
        var accepted = posteriors.Where(p => p.Status == RecordStatus.Accepted).ToList();
        var rejected = posteriors
            .Where(p => p.Status == RecordStatus.Rejected)
            .GroupBy(p => Generalise(p.RejectionReason))
            .ToDictionary(g => g.Key, g => g.Count());
        double wall = Math.Max(1e-3, (span.Last - span.First).TotalSeconds);
        var withTruth = accepted.Where(p => p.TrueLog10M200c.HasValue && p.Log10M200c.HasValue && p.SigmaLog10M200c > 0).ToList();
        var residuals = withTruth.Select(p => p.Log10M200c!.Value - p.TrueLog10M200c!.Value).ToList();
        double? bias = residuals.Count > 1 ? residuals.Average() : null;
        double? scatter = residuals.Count > 1 ? Math.Sqrt(residuals.Sum(r => (r - bias!.Value) * (r - bias.Value)) / (residuals.Count - 1)) : null;
        double? coverage = withTruth.Count > 0 ? withTruth.Count(p => Math.Abs(p.Log10M200c!.Value - p.TrueLog10M200c!.Value) < p.SigmaLog10M200c!.Value) / (double)withTruth.Count : null;
        // The full posterior's central 68 % interval (16–84 % quantiles), where the records carry one.
        var intervals = withTruth.Select(p => (Truth: p.TrueLog10M200c!.Value, Low: QuantileOf(p, 0.16), High: QuantileOf(p, 0.84)))
            .Where(i => i.Low is not null && i.High is not null).ToList();
        double? credible = intervals.Count > 0 ? intervals.Count(i => i.Truth >= i.Low && i.Truth <= i.High) / (double)intervals.Count : null;
        return new RunSummary(
            published,
            posteriors.Count,
            accepted.Count,
            rejected,
            deadLettered,
            accepted.Count(p => p.OutOfDistribution),
            duplicates,
            wall,
            posteriors.Count / wall,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            scatter,
            bias,
            coverage,
            credible);
    }

    private static double? QuantileOf(Posterior posterior, double level)
    {
        if (posterior is not { QuantileLevels: { } levels, Quantiles: { } quantiles }) return null;
        int at = levels.ToList().FindIndex(l => Math.Abs(l - level) < 1e-9);
        return at >= 0 ? quantiles[at] : null;
    }

    /// <summary>Rejection reasons carry numbers ("7 of 9 galaxies pass ..."): group them by their wording, numbers as N.</summary>
    private static string Generalise(string? reason) => reason is null ? "unspecified" : Digits().Replace(reason, "N");

    private static double Percentile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        double position = q * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Digits();
}
