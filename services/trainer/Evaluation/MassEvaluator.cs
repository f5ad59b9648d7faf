using StreamProcessor.Evaluation;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// Turns held-out predictions into the <see cref="EvaluationReport"/>: every estimator on every catalogue in the
/// headline range 1e14-1e15 h⁻¹ M☉ and over the full range, richness fits, CNN calibration curves, target checks.
/// </summary>
public static class MassEvaluator
{
    /// <summary>Issue targets on the contaminated test set, 1e14-1e15 h⁻¹ M☉.</summary>
    public const double TargetScatterDex = 0.12;
    public const double TargetScatterRatio = 3.0;
    public const double TargetAbsBiasDex = 0.02;
    public const double TargetCoverage68Min = 0.63;
    public const double TargetCoverage68Max = 0.73;

    public static EvaluationReport Evaluate(IReadOnlyList<EvaluatedSample> samples, double fullLog10MMin, double fullLog10MMax)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var metrics = new List<EstimatorMetrics>();
        var fits = new List<RichnessFitSummary>();
        var calibration = new Dictionary<string, IReadOnlyList<CalibrationPoint>>();
        string[] catalogues = [.. samples.Select(s => s.Catalogue).Distinct().Order(StringComparer.Ordinal)];
        foreach (string catalogue in catalogues)
        {
            EvaluatedSample[] set = [.. samples.Where(s => s.Catalogue == catalogue)];
            double[] truth = [.. set.Select(s => s.Log10MTrue)];
            double[] sigma = [.. set.Select(s => s.CnnSigma)];
            foreach (string estimator in Estimators.All)
            {
                double[] predicted = [.. set.Select(s => Estimators.Prediction(s, estimator))];
                ReadOnlySpan<double> sigmas = estimator == Estimators.Cnn ? sigma : [];
                metrics.Add(EstimatorMetrics.Compute(estimator, catalogue, truth, predicted, sigmas, TrainerDefaults.HeadlineLog10MMin, TrainerDefaults.HeadlineLog10MMax));
                metrics.Add(EstimatorMetrics.Compute(estimator, catalogue, truth, predicted, sigmas, fullLog10MMin, fullLog10MMax));

                EvaluatedSample[] usable = [.. set.Where(s => double.IsFinite(Estimators.Prediction(s, estimator)))];
                if (usable.Length >= 3 * 8)
                {
                    var fit = RichnessScatterFit.Fit(
                        usable.Select(s => Estimators.Prediction(s, estimator) - s.Log10MTrue).ToArray(),
                        usable.Select(s => (double)s.Richness).ToArray());
                    fits.Add(new RichnessFitSummary(estimator, catalogue, fit.SigmaNDex, fit.Sigma0Dex, fit.Bins));
                }
            }
            calibration[catalogue] = Metrics.CalibrationCurve(truth, [.. set.Select(s => s.CnnMean)], sigma, Metrics.DefaultConfidenceLevels);
        }
        return new EvaluationReport(
            samples.Select(s => s.HaloId).Distinct().Count(),
            metrics,
            fits,
            calibration,
            Targets(metrics));
    }

    private static List<TargetCheck> Targets(List<EstimatorMetrics> metrics)
    {
        EstimatorMetrics? Find(string estimator) => metrics.FirstOrDefault(m =>
            m.Estimator == estimator && m.Catalogue == Catalogues.Contaminated
            && m.Log10MMin == TrainerDefaults.HeadlineLog10MMin && m.Log10MMax == TrainerDefaults.HeadlineLog10MMax);
        if (Find(Estimators.Cnn) is not { } cnn || Find(Estimators.FittedMSigma) is not { } baseline) return [];
        double coverage = cnn.Coverage68 ?? double.NaN;
        return
        [
            new($"CNN scatter <= {TargetScatterDex} dex", cnn.ScatterDex, cnn.ScatterDex <= TargetScatterDex),
            new($"fitted M-sigma scatter / CNN scatter >= {TargetScatterRatio}", baseline.ScatterDex / cnn.ScatterDex, baseline.ScatterDex / cnn.ScatterDex >= TargetScatterRatio),
            new($"|CNN bias| <= {TargetAbsBiasDex} dex", cnn.BiasDex, Math.Abs(cnn.BiasDex) <= TargetAbsBiasDex),
            new($"CNN 68% coverage in [{TargetCoverage68Min}, {TargetCoverage68Max}]", coverage, coverage is >= TargetCoverage68Min and <= TargetCoverage68Max),
        ];
    }
}
