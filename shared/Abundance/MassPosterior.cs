namespace StreamProcessor.Abundance;

/// <summary>
/// One mass posterior of one detected cluster, as the mass-inference stage publishes it. Masses are
/// log₁₀(M200c / h⁻¹ M☉) (or the survey's configured definition); the posterior is a normal in log₁₀ M.
/// </summary>
/// <param name="ClusterId">Stable identifier of the cluster; later posteriors of the same id replace earlier ones.</param>
/// <param name="Survey">Name of the survey the cluster was detected in (selects the <see cref="SurveyConfiguration"/>).</param>
/// <param name="Redshift">Cluster redshift (treated as exact).</param>
/// <param name="DetectionTimeUtc">When the detection this posterior belongs to was made; the newest one wins.</param>
/// <param name="Log10MassMean">Posterior mean of log₁₀(M / h⁻¹ M☉).</param>
/// <param name="Log10MassSigmaDex">Posterior 1σ width of log₁₀ M, dex (0 to 1).</param>
/// <param name="TrueLog10Mass">True log₁₀ M when known (mocks); diagnostics only, never used in an estimate.</param>
/// <param name="Accepted">False when an upstream quality cut rejected this posterior: the cluster is then not counted.</param>
public sealed record MassPosterior(
    string ClusterId,
    string Survey,
    double Redshift,
    DateTimeOffset DetectionTimeUtc,
    double Log10MassMean,
    double Log10MassSigmaDex,
    double? TrueLog10Mass = null,
    bool Accepted = true);
