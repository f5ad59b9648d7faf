namespace StreamProcessor.Trainer.Aperture;

/// <summary>
/// One contaminated mock view as the aperture-coverage test sees it: its kept galaxies' count and reach (the radius of the
/// k-th farthest, k = 1, 2, 3 at index k − 1), and its KDE image when the CNN is to be run on it.
/// </summary>
internal sealed record CoverageView(
    int HaloId,
    int LineOfSight,
    int Richness,
    double Redshift,
    double Log10M200c,
    double SigmaLosKmPerS,
    double[] ReachByRankMpcOverH,
    float[]? Image)
{
    /// <summary>Largest rank the views are measured at.</summary>
    public const int MaxRank = 3;
}
