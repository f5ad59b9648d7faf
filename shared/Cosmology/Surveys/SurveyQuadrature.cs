namespace StreamProcessor.Cosmology.Surveys;

/// <summary>
/// Quadrature settings of <see cref="SurveyExpectation"/>: Gauss–Legendre panels in z and in log₁₀ M (true mass).
/// The defaults give expected counts converged to ≲ 1e-4 relative (checked in the tests by refining them).
/// </summary>
/// <param name="MaxRedshiftPanelWidth">Largest z panel; each redshift bin is split into equal panels no wider than this.</param>
/// <param name="RedshiftNodesPerPanel">Gauss–Legendre nodes per z panel.</param>
/// <param name="MaxMassPanelDex">Largest log₁₀ M panel, dex; panels are also at most half the scatter wide.</param>
/// <param name="MassNodesPerPanel">Gauss–Legendre nodes per mass panel.</param>
/// <param name="ScatterTailSigmas">True masses are integrated this many scatter widths beyond the outer observed-mass edges.</param>
public sealed record SurveyQuadrature(
    double MaxRedshiftPanelWidth = 0.1,
    int RedshiftNodesPerPanel = 4,
    double MaxMassPanelDex = 0.1,
    int MassNodesPerPanel = 4,
    double ScatterTailSigmas = 6.0)
{
    /// <summary>The defaults.</summary>
    public static SurveyQuadrature Default { get; } = new();

    /// <summary>Throws on settings that cannot integrate.</summary>
    public SurveyQuadrature Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxRedshiftPanelWidth);
        ArgumentOutOfRangeException.ThrowIfLessThan(RedshiftNodesPerPanel, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxMassPanelDex);
        ArgumentOutOfRangeException.ThrowIfLessThan(MassNodesPerPanel, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(ScatterTailSigmas);
        return this;
    }
}
