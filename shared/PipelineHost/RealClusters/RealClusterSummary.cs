namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>Bias and scatter of the CNN against one kind of reference mass, over a subset of the clusters.</summary>
/// <param name="Subset">Which clusters: all accepted, or those inside the training domain.</param>
/// <param name="ReferenceKind">"SZ" or "sigma".</param>
/// <param name="Count">Accepted clusters with that reference.</param>
/// <param name="BiasDex">Mean of CNN − reference.</param>
/// <param name="MedianDex">Median of CNN − reference.</param>
/// <param name="ScatterDex">Standard deviation of CNN − reference (n − 1).</param>
/// <param name="WithinOneSigma">Fraction with |CNN − reference| below the posterior σ (the reference's own error ignored).</param>
public sealed record RealClusterSummary(string Subset, string ReferenceKind, int Count, double BiasDex, double MedianDex, double ScatterDex, double WithinOneSigma)
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
        return new RealClusterSummary(subset, referenceKind, chosen.Count, mean, median, scatter, within);
    }
}
