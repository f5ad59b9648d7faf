namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>Bias and scatter of the CNN against one kind of reference mass, over a subset of the clusters.</summary>
/// <param name="Subset">Which clusters: all accepted, or those inside the training domain.</param>
/// <param name="ReferenceKind">"SZ" or "sigma".</param>
/// <param name="Count">Accepted clusters with that reference.</param>
/// <param name="BiasDex">Mean of CNN − reference.</param>
/// <param name="MedianDex">Median of CNN − reference.</param>
/// <param name="ScatterDex">Standard deviation of CNN − reference (n − 1).</param>
/// <param name="WithinOneSigma">Fraction with |CNN − reference| below the posterior σ (the reference's own error ignored).</param>
/// <param name="WithinCredible68">Fraction whose reference lies inside the full posterior's central 68 % interval (16–84 % quantiles); null when the posteriors carry no quantiles.</param>
public sealed record RealClusterSummary(
    string Subset, string ReferenceKind, int Count, double BiasDex, double MedianDex, double ScatterDex, double WithinOneSigma, double? WithinCredible68 = null)
{
    /// <summary>Null when fewer than 2 results qualify.</summary>
    public static RealClusterSummary? Of(string subset, string referenceKind, IEnumerable<RealClusterResult> results)
    {
        var chosen = results.Where(r => r.ReferenceKind == referenceKind && r.Residual is not null).ToList();
        if (chosen.Count < 2) return null;
        double[] residuals = [.. chosen.Select(r => r.Residual!.Value)];
        double mean = residuals.Average();
        double scatter = Math.Sqrt(residuals.Sum(x => (x - mean) * (x - mean)) / (residuals.Length - 1));
        double[] sorted = [.. residuals.Order()];
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        double within = chosen.Count(r => Math.Abs(r.Residual!.Value) < r.Posterior.SigmaLog10M200c!.Value) / (double)chosen.Count;
        var intervals = chosen.Select(r => (Reference: r.ReferenceLog10M200c!.Value, Low: r.Quantile(0.16), High: r.Quantile(0.84))).ToList();
        double? credible = intervals.All(i => i.Low is not null && i.High is not null)
            ? intervals.Count(i => i.Reference >= i.Low && i.Reference <= i.High) / (double)intervals.Count
            : null;
        return new RealClusterSummary(subset, referenceKind, chosen.Count, mean, median, scatter, within, credible);
    }
}
