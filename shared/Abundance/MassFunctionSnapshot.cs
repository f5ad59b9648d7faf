using StreamProcessor.Cosmology;

namespace StreamProcessor.Abundance;

/// <summary>
/// The live mass function of one survey at one moment: what a <c>mass-function</c> record carries.
/// Units: masses log₁₀(M / h⁻¹ M☉) in <see cref="MassDefinition"/>; number densities dn/dlog₁₀ M in
/// h³ Mpc⁻³ dex⁻¹ (comoving); volumes h⁻³ Mpc³; scatter in dex; sky area in deg².
/// </summary>
/// <param name="Survey">Survey name.</param>
/// <param name="CodeVersion">Informational version of the StreamProcessor.Abundance assembly that computed it.</param>
/// <param name="ComputedAtUtc">When it was computed.</param>
/// <param name="Counters">Ingestion bookkeeping at that moment (its Revision identifies the state).</param>
/// <param name="ClustersInRedshiftRange">Accepted clusters inside the survey's redshift range.</param>
/// <param name="ClustersInBins">Of those, clusters whose posterior mean lies inside the mass range.</param>
/// <param name="SkyAreaDeg2">Survey area.</param>
/// <param name="MassDefinition">Mass definition, e.g. "200c".</param>
/// <param name="Log10MassEdges">Mass bin edges shared by all redshift bins.</param>
/// <param name="CompletenessLimitLog10Mass">Lowest mass edge used in the cosmology fit.</param>
/// <param name="ScatterDex">Scatter of the forward model: rms of the posterior σ of the binned clusters, rounded to the configured quantum (0 when there are none).</param>
/// <param name="MedianPosteriorSigmaDex">Median posterior σ of the binned clusters (NaN when there are none).</param>
/// <param name="MassSamplingDraws">Draws used for the sampling errors.</param>
/// <param name="SamplingSeed">Seed of those draws.</param>
/// <param name="BaseCosmology">Cosmology of the prediction and of the volumes.</param>
/// <param name="RedshiftBins">One mass function per redshift bin.</param>
/// <param name="Cosmology">(Ω_m, σ₈) posterior; null when no accepted cluster lies in the redshift range.</param>
public sealed record MassFunctionSnapshot(
    string Survey,
    string CodeVersion,
    DateTimeOffset ComputedAtUtc,
    SurveyCounters Counters,
    int ClustersInRedshiftRange,
    int ClustersInBins,
    double SkyAreaDeg2,
    string MassDefinition,
    IReadOnlyList<double> Log10MassEdges,
    double CompletenessLimitLog10Mass,
    double ScatterDex,
    double MedianPosteriorSigmaDex,
    int MassSamplingDraws,
    ulong SamplingSeed,
    FlatLcdm BaseCosmology,
    IReadOnlyList<RedshiftBinMassFunction> RedshiftBins,
    CosmologyConstraint? Cosmology);
