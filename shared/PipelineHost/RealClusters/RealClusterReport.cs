using System.Globalization;
using System.Text;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>The per-cluster table and the summaries, as Markdown (for the README) and CSV.</summary>
public static class RealClusterReport
{
    /// <summary>Summaries for every reference kind, over all accepted clusters and over those inside the training domain.</summary>
    public static IReadOnlyList<RealClusterSummary> Summaries(IReadOnlyList<RealClusterResult> results) =>
    [
        .. new[] { RealClusterResult.SzReference, RealClusterResult.SigmaReference }.SelectMany(kind => new[]
        {
            RealClusterSummary.Of("all accepted", kind, results),
            RealClusterSummary.Of("in the training domain", kind, results.Where(r => !r.Posterior.OutOfDistribution)),
        }).OfType<RealClusterSummary>(),
    ];

    public static string Markdown(IReadOnlyList<RealClusterResult> results, string modelVersion)
    {
        var md = new StringBuilder();
        int accepted = results.Count(r => r.Accepted);
        int outside = results.Count(r => r.Accepted && r.Posterior.OutOfDistribution);
        md.AppendLine(Invariant($"Model {modelVersion}; {results.Count} clusters, {accepted} accepted, {outside} of them out of the training domain."));
        md.AppendLine();
        md.AppendLine("| cluster | z | spectra | members kept | CNN log10 M200c | full posterior: median [16–84 %] | reference | residual | M–σ (fitted) | distribution regression | out of domain |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            var p = r.Posterior;
            string cnn = r.Accepted ? Invariant($"{p.Log10M200c:F2} ± {p.SigmaLog10M200c:F2}") : Cell($"rejected: {p.RejectionReason}");
            string full = r.Accepted && r.Quantile(0.5) is { } q50 && r.Quantile(0.16) is { } q16 && r.Quantile(0.84) is { } q84
                ? Invariant($"{q50:F2} [{q16:F2}, {q84:F2}]")
                : "–";
            string reference = r.ReferenceLog10M200c is { } m ? Invariant($"{m:F2} ({r.ReferenceKind})") : "–";
            string residual = r.Residual is { } d ? Invariant($"{d:+0.00;-0.00}") : "–";
            string baseline = p.BaselineMsigmaLog10M is { } b ? Invariant($"{b:F2}") : "–";
            string distribution = p.BaselineDistributionLog10M is { } sdm ? Invariant($"{sdm:F2}") : "–";
            string ood = !r.Accepted ? "–" : p.OutOfDistribution ? Cell($"yes: {p.OodReason}") : "no";
            md.AppendLine(Invariant(
                $"| {r.Cluster.Catalogue.ClusterId} | {r.Cluster.Catalogue.Redshift:F3} | {r.Cluster.Spectra} | {p.MembersKept?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {cnn} | {full} | {reference} | {residual} | {baseline} | {distribution} | {ood} |"));
        }

        md.AppendLine();
        md.AppendLine("| subset | reference | N | bias (dex) | median (dex) | scatter (dex) | within 1σ | within the 68 % credible interval |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var s in Summaries(results))
        {
            string credible = s.WithinCredible68 is { } c ? Invariant($"{c:P0}") : "–";
            md.AppendLine(Invariant($"| {s.Subset} | {s.ReferenceKind} | {s.Count} | {s.BiasDex:+0.000;-0.000} | {s.MedianDex:+0.000;-0.000} | {s.ScatterDex:F3} | {s.WithinOneSigma:P0} | {credible} |"));
        }

        return md.ToString();
    }

    public static string Csv(IReadOnlyList<RealClusterResult> results)
    {
        var csv = new StringBuilder();
        csv.AppendLine("cluster,survey,redshift,spectra,members_kept,status,cnn_log10_m200c,cnn_sigma,posterior_q16,posterior_median,posterior_q84,reference_log10_m200c,reference_kind,residual_dex,msigma_log10_m200c,distribution_log10_m200c,out_of_distribution,ood_reason,rejection_reason");
        foreach (var r in results)
        {
            var p = r.Posterior;
            csv.AppendLine(string.Join(',',
                r.Cluster.Catalogue.ClusterId, p.Survey, Number(p.Redshift), r.Cluster.Spectra.ToString(CultureInfo.InvariantCulture),
                p.MembersKept?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, p.Status.ToString().ToLowerInvariant(),
                Number(p.Log10M200c), Number(p.SigmaLog10M200c), Number(r.Quantile(0.16)), Number(r.Quantile(0.5)), Number(r.Quantile(0.84)), Number(r.ReferenceLog10M200c), r.ReferenceKind ?? string.Empty,
                Number(r.Residual), Number(p.BaselineMsigmaLog10M), Number(p.BaselineDistributionLog10M), p.OutOfDistribution ? "true" : "false", Quote(p.OodReason), Quote(p.RejectionReason)));
        }

        return csv.ToString();
    }

    /// <summary>A reason as a Markdown table cell: its own pipes ("|v_los|") would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string? text) => text is null ? string.Empty : $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
