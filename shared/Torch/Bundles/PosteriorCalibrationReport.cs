namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Simulation-based calibration (Talts et al. 2018, arXiv:1804.06788) of the full-posterior estimator and of the
/// moment network's Gaussian posterior on the same held-out simulations: rank histograms of the truth among
/// <see cref="Draws"/> posterior draws (uniform when calibrated), expected coverage of central credible intervals at
/// every level in <see cref="Levels"/>, and the mean log posterior density of the truth (a proper score).
/// </summary>
/// <param name="Split">Which held-out samples.</param>
/// <param name="Parameter">The parameter evaluated.</param>
/// <param name="Samples">Held-out samples.</param>
/// <param name="Draws">Posterior draws per sample for the ranks (ranks run 0..Draws).</param>
/// <param name="Levels">Credible levels of the coverage curves.</param>
/// <param name="Estimators">Per estimator name, its calibration.</param>
/// <param name="Bins">The same comparison per bin of a conditioning quantity (e.g. redshift).</param>
/// <param name="Verdict">Which estimator is better calibrated, and by how much, in words.</param>
public sealed record PosteriorCalibrationReport(
    string Split,
    string Parameter,
    int Samples,
    int Draws,
    IReadOnlyList<double> Levels,
    IReadOnlyDictionary<string, EstimatorCalibration> Estimators,
    IReadOnlyList<BinCalibration> Bins,
    string Verdict)
{
    /// <summary>Index of the level in <see cref="Levels"/> nearest <paramref name="level"/>.</summary>
    public int LevelIndex(double level)
    {
        int best = 0;
        for (int i = 1; i < Levels.Count; i++)
        {
            if (Math.Abs(Levels[i] - level) < Math.Abs(Levels[best] - level)) best = i;
        }

        return best;
    }
}
