using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Aperture;

/// <summary>
/// A coverage statistic of a view and the per-bin thresholds built from it: the card's (reach / R_σ at the card's rank)
/// or one of the alternatives <c>trainer aperture</c> prints beside it to show why the card's was chosen.
/// </summary>
internal sealed record CoverageTest(string Name, ApertureCoverage Table, Func<CoverageView, double> Statistic)
{
    /// <summary>Thresholds from <paramref name="training"/> views for <paramref name="statistic"/>.</summary>
    public static CoverageTest Build(
        string name, IReadOnlyList<CoverageView> training, Func<CoverageView, double> statistic, int rank, double omegaM, double apertureRadiusMpcOverH,
        double flagQuantile, IReadOnlyList<double> redshiftEdges, int minViewsPerBin) =>
        new(name, ApertureCoverageBuilder.Build(
            [.. training.Select(v => new ApertureCoverageView(v.Richness, v.Redshift, statistic(v)))],
            apertureRadiusMpcOverH, rank, omegaM, flagQuantile, redshiftEdges, minViewsPerBin), statistic);

    /// <summary>True when the view's statistic is below its bin's threshold (a NaN statistic is not flagged, as at inference).</summary>
    public bool Flags(CoverageView view) => Statistic(view) < Table.BinFor(view.Richness, view.Redshift).Threshold;

    /// <summary>Fraction of <paramref name="views"/> flagged; NaN for none.</summary>
    public double FlaggedFraction(IReadOnlyList<CoverageView> views) =>
        views.Count == 0 ? double.NaN : views.Count(Flags) / (double)views.Count;
}
