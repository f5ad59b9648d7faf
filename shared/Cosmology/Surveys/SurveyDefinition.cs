using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.MassFunction;

namespace StreamProcessor.Cosmology.Surveys;

/// <summary>
/// A cluster survey as the counts forward model sees it: binning in observed log₁₀ M and in redshift,
/// sky coverage, selection and log-normal mass scatter.
/// </summary>
/// <param name="SkyAreaDeg2">Sky area in square degrees (at most the full sky, 41 252.96 deg²).</param>
/// <param name="RedshiftEdges">Ascending redshift bin edges (≥ 2 values), within Tinker+08's 0 ≤ z ≤ 2.5.</param>
/// <param name="Log10MassEdges">Ascending bin edges in observed log₁₀(M / h⁻¹ M☉) (≥ 2 values).</param>
/// <param name="ScatterDex">1σ scatter of observed log₁₀ M about the true log₁₀ M, dex (0 = no scatter).</param>
/// <param name="MassDefinition">The overdensity the masses refer to (e.g. 200c, 500c, 200m).</param>
/// <param name="Completeness">Selection probability as a function of true mass and redshift.</param>
/// <param name="MassObservable">
/// A calibrated mass–observable relation (bias and scatter that vary with true mass and redshift) replacing the
/// unbiased log-normal of <paramref name="ScatterDex"/>; null: the log-normal. With a relation, <paramref name="ScatterDex"/>
/// only sets the quadrature (how far beyond the observed-mass edges true masses are integrated, and the panel width).
/// </param>
/// <param name="TrueLog10MassMin">
/// Integrate true masses from at least this low (null: only the observed-mass edges minus the scatter tail). A fit over
/// the upper bins of a survey sets it to the whole survey's lower bound, so that up-scatter from true masses below
/// the fitted bins (which a calibrated relation can carry over more than a few widths) is counted the same way.
/// </param>
public sealed record SurveyDefinition(
    double SkyAreaDeg2,
    IReadOnlyList<double> RedshiftEdges,
    IReadOnlyList<double> Log10MassEdges,
    double ScatterDex,
    Overdensity MassDefinition,
    Completeness Completeness,
    ObservedMassBinProbability? MassObservable = null,
    double? TrueLog10MassMin = null)
{
    /// <summary>Full sky in deg²: 4π (180/π)².</summary>
    public const double FullSkyDeg2 = 4.0 * Math.PI * (180.0 / Math.PI) * (180.0 / Math.PI);

    /// <summary>Sky area in steradians.</summary>
    public double SkyAreaSr => SkyAreaDeg2 * (Math.PI / 180.0) * (Math.PI / 180.0);

    /// <summary>Number of observed-mass bins.</summary>
    public int MassBinCount => Log10MassEdges.Count - 1;

    /// <summary>Number of redshift bins.</summary>
    public int RedshiftBinCount => RedshiftEdges.Count - 1;

    /// <summary>Throws when the survey cannot be modelled.</summary>
    public SurveyDefinition Validated()
    {
        if (!(SkyAreaDeg2 > 0 && SkyAreaDeg2 <= FullSkyDeg2 * (1 + 1e-12)))
            throw new ArgumentOutOfRangeException(nameof(SkyAreaDeg2), SkyAreaDeg2, "Sky area must lie in (0, 41253] deg².");
        ArgumentNullException.ThrowIfNull(RedshiftEdges);
        ArgumentNullException.ThrowIfNull(Log10MassEdges);
        ArgumentNullException.ThrowIfNull(MassDefinition);
        ArgumentNullException.ThrowIfNull(Completeness);
        CheckAscending(RedshiftEdges, nameof(RedshiftEdges));
        CheckAscending(Log10MassEdges, nameof(Log10MassEdges));
        if (RedshiftEdges[0] < 0 || RedshiftEdges[^1] > Tinker08.MaxRedshift)
            throw new ArgumentOutOfRangeException(nameof(RedshiftEdges), $"Redshift edges must lie in [0, {Tinker08.MaxRedshift}] (Tinker+08 calibration).");
        if (!(ScatterDex >= 0 && ScatterDex <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(ScatterDex), ScatterDex, "Scatter must lie in [0, 1] dex.");
        return this;
    }

    private static void CheckAscending(IReadOnlyList<double> edges, string name)
    {
        if (edges.Count < 2) throw new ArgumentException("At least two bin edges are needed.", name);
        for (int i = 0; i < edges.Count; i++)
        {
            if (!double.IsFinite(edges[i])) throw new ArgumentException("Bin edges must be finite.", name);
            if (i > 0 && !(edges[i] > edges[i - 1])) throw new ArgumentException("Bin edges must be strictly ascending.", name);
        }
    }
}
