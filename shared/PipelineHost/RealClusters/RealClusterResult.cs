using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>What the catalogue path made of one real cluster, beside its published reference mass.</summary>
/// <param name="Cluster">The cluster as read from the folder.</param>
/// <param name="Posterior">Its record on posteriors.mass.</param>
/// <param name="ReferenceLog10M200c">Published mass as log10 M200c (h⁻¹ M☉); null when the cluster has none.</param>
/// <param name="ReferenceKind">How the reference was obtained ("SZ" or "sigma").</param>
public sealed record RealClusterResult(
    RealCluster Cluster,
    Posterior Posterior,
    double? ReferenceLog10M200c,
    string? ReferenceKind)
{
    public const string SzReference = "SZ";
    public const string SigmaReference = "sigma";

    public bool Accepted => Posterior.Status == RecordStatus.Accepted && Posterior.Log10M200c is not null;

    /// <summary>CNN posterior mean minus the reference, dex; null when either is missing.</summary>
    public double? Residual => Accepted && ReferenceLog10M200c is { } reference ? Posterior.Log10M200c!.Value - reference : null;

    /// <summary>The full posterior's quantile of log10 M200c at <paramref name="level"/>; null when the record carries none at that level.</summary>
    public double? Quantile(double level)
    {
        if (Posterior is not { QuantileLevels: { } levels, Quantiles: { } quantiles }) return null;
        for (int l = 0; l < levels.Count; l++)
        {
            if (Math.Abs(levels[l] - level) < 1e-9) return quantiles[l];
        }

        return null;
    }

    /// <summary>
    /// The reference of <paramref name="cluster"/>: the SZ mass where there is one (SPT), otherwise the published
    /// dispersion through Munari+13 (ACT).
    /// </summary>
    public static RealClusterResult For(RealCluster cluster, Posterior posterior, FlatLcdm cosmology)
    {
        double z = cluster.Catalogue.Redshift;
        if (cluster.SzM500cMsun is { } m500)
        {
            return new(cluster, posterior, ReferenceMass.Log10M200cFromSz(m500, z, cosmology), SzReference);
        }

        return cluster.PublishedSigmaKmPerS is { } sigma && ReferenceMass.Log10M200cFromSigma(sigma, z, cosmology) is { } fromSigma
            ? new(cluster, posterior, fromSigma, SigmaReference)
            : new(cluster, posterior, null, null);
    }
}
