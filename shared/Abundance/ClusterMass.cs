namespace StreamProcessor.Abundance;

/// <summary>
/// The part of a cluster's newest accepted posterior that the mass function uses.
/// </summary>
/// <param name="Redshift">Cluster redshift.</param>
/// <param name="Log10MassMean">Posterior mean of log₁₀(M / h⁻¹ M☉).</param>
/// <param name="Log10MassSigmaDex">Posterior 1σ width, dex.</param>
/// <param name="SamplingKey">Seeds this cluster's random draws (a hash of its id), so draws do not depend on arrival order.</param>
/// <param name="TrueLog10Mass">True log₁₀ M when known (mocks), for diagnostics; NaN otherwise.</param>
public readonly record struct ClusterMass(double Redshift, double Log10MassMean, double Log10MassSigmaDex, ulong SamplingKey, double TrueLog10Mass = double.NaN)
{
    /// <summary>The <see cref="SamplingKey"/> of a cluster id: FNV-1a (64 bit) over its UTF-16 code units.</summary>
    public static ulong KeyOf(string clusterId)
    {
        ArgumentNullException.ThrowIfNull(clusterId);
        ulong hash = 14695981039346656037UL;
        foreach (char c in clusterId)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
