using StreamProcessor.Cosmology;
using StreamProcessor.PhaseSpace.Projection;

namespace StreamProcessor.PipelineHost.RealClusters;

/// <summary>
/// A real cluster as a survey with a smaller field of view would have seen it: only the spectra at projected radius
/// below the cut, R_proj computed as the phase-space service computes it (physical h^-1 Mpc, D_A θ about the cluster
/// centre). <c>pipeline real-clusters --cut-radius</c> uses it to show what the aperture-coverage check does on real data.
/// </summary>
public static class FieldOfViewCut
{
    /// <summary>The cluster with its spectra at R_proj ≥ <paramref name="radiusMpcOverH"/> removed; null when none remain.</summary>
    public static RealCluster? Within(RealCluster cluster, double radiusMpcOverH, FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!(radiusMpcOverH > 0)) throw new ArgumentOutOfRangeException(nameof(radiusMpcOverH), radiusMpcOverH, "The cut radius must be positive.");
        var catalogue = cluster.Catalogue;
        var frame = new ClusterFrame(catalogue.RaDeg, catalogue.DecDeg, catalogue.Redshift, cosmology);
        var kept = catalogue.Members
            .Where(m => frame.Project(m.RaDeg, m.DecDeg, m.Redshift ?? catalogue.Redshift).ProjectedRadiusMpcOverH < radiusMpcOverH)
            .ToList();
        return kept.Count == 0 ? null : cluster with { Catalogue = catalogue with { Members = kept }, Spectra = kept.Count };
    }
}
