namespace StreamProcessor.Evaluation;

/// <summary>
/// Metrics of one mass estimator on one catalogue over clusters whose TRUE log10 M lies in [min, max] (dex):
/// residual bias and scatter (<see cref="ResidualStatistics"/>) for every estimator, and, for estimators that give a
/// σ, 68 %/95 % coverage (k = 1 and 1.96, see <see cref="Metrics"/>), reduced χ² and the mean σ.
/// Samples with a non-finite prediction (a baseline that refused, e.g. outside its calibration window) are left out and counted in <see cref="Refused"/>.
/// </summary>
public sealed record EstimatorMetrics(
    string Estimator,
    string Catalogue,
    double Log10MMin,
    double Log10MMax,
    int Count,
    int Refused,
    double BiasDex,
    double ScatterDex,
    double RmsDex,
    double? Coverage68,
    double? Coverage95,
    double? ReducedChiSquared,
    double? MeanSigmaDex)
{
    /// <summary>Selects clusters by true mass and computes the metrics; <paramref name="sigma"/> is empty for point estimators.</summary>
    public static EstimatorMetrics Compute(
        string estimator,
        string catalogue,
        ReadOnlySpan<double> truth,
        ReadOnlySpan<double> predicted,
        ReadOnlySpan<double> sigma,
        double log10MMin,
        double log10MMax)
    {
        Metrics.RequireSameLength(truth.Length, predicted.Length);
        if (!sigma.IsEmpty) Metrics.RequireSameLength(truth.Length, sigma.Length);
        if (!(log10MMin < log10MMax)) throw new ArgumentOutOfRangeException(nameof(log10MMin), log10MMin, "Need min < max.");

        var t = new List<double>();
        var p = new List<double>();
        var s = new List<double>();
        int refused = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            if (!(truth[i] >= log10MMin && truth[i] <= log10MMax)) continue;
            if (!double.IsFinite(predicted[i]) || (!sigma.IsEmpty && !(sigma[i] > 0 && double.IsFinite(sigma[i]))))
            {
                refused++;
                continue;
            }
            t.Add(truth[i]);
            p.Add(predicted[i]);
            if (!sigma.IsEmpty) s.Add(sigma[i]);
        }
        if (t.Count < 2) throw new ArgumentException($"{estimator}/{catalogue}: fewer than two usable clusters in [{log10MMin}, {log10MMax}].", nameof(truth));

        var residuals = ResidualStatistics.Compute(p.ToArray(), t.ToArray());
        bool hasSigma = !sigma.IsEmpty;
        double[] tArray = [.. t];
        double[] pArray = [.. p];
        double[] sArray = [.. s];
        return new EstimatorMetrics(
            estimator,
            catalogue,
            log10MMin,
            log10MMax,
            t.Count,
            refused,
            residuals.BiasDex,
            residuals.ScatterDex,
            residuals.RmsDex,
            hasSigma ? Metrics.Coverage(tArray, pArray, sArray, Metrics.OneSigma) : null,
            hasSigma ? Metrics.Coverage(tArray, pArray, sArray, Metrics.NinetyFiveSigma) : null,
            hasSigma ? Metrics.ReducedChiSquared(tArray, pArray, sArray) : null,
            hasSigma ? Metrics.MeanSigma(sArray) : null);
    }
}
