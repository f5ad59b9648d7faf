using StreamProcessor.Evaluation;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// Turns held-out predictions into the <see cref="EvaluationReport"/>: every estimator on every catalogue in the
/// headline range 1e14-1e15 h⁻¹ M☉ and over the full range (overall and per redshift bin), richness fits, CNN
/// calibration curves, target checks.
/// </summary>
public static class MassEvaluator
{
    /// <summary>Issue targets on the contaminated test set, 1e14-1e15 h⁻¹ M☉.</summary>
    public const double TargetScatterDex = 0.12;
    public const double TargetScatterRatio = 3.0;
    public const double TargetAbsBiasDex = 0.02;
    public const double TargetCoverage68Min = 0.63;
    public const double TargetCoverage68Max = 0.73;

    public static EvaluationReport Evaluate(IReadOnlyList<EvaluatedSample> samples, double fullLog10MMin, double fullLog10MMax) =>
        Evaluate(samples, fullLog10MMin, fullLog10MMax, TrainerDefaults.RedshiftBinEdges);

    public static EvaluationReport Evaluate(IReadOnlyList<EvaluatedSample> samples, double fullLog10MMin, double fullLog10MMax, IReadOnlyList<double> redshiftEdges)
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
                // A baseline the bundle or dataset does not provide (e.g. no distribution regression for a format-1 dataset) is left out, not reported as NaN.
                if (!predicted.Any(double.IsFinite)) continue;
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
            Targets(metrics),
            RedshiftBins(samples, catalogues, fullLog10MMin, fullLog10MMax, redshiftEdges));
    }

    /// <summary>
    /// Every estimator per (catalogue, redshift bin) in the headline mass range, and the CNN over the full range too; a bin
    /// with fewer than two usable views of an estimator is left out.
    /// </summary>
    private static List<RedshiftBinMetrics> RedshiftBins(
        IReadOnlyList<EvaluatedSample> samples, string[] catalogues, double fullLog10MMin, double fullLog10MMax, IReadOnlyList<double> edges)
    {
        var bins = new List<RedshiftBinMetrics>();
        foreach (string catalogue in catalogues)
        {
            for (int b = 0; b + 1 < edges.Count; b++)
            {
                double low = edges[b];
                double high = edges[b + 1];
                int bin = b;
                EvaluatedSample[] set = [.. samples.Where(s => s.Catalogue == catalogue && TrainerDefaults.InRedshiftBin(s.Redshift, edges, bin))];
                foreach (string estimator in Estimators.All)
                {
                    Add(set, estimator, TrainerDefaults.HeadlineLog10MMin, TrainerDefaults.HeadlineLog10MMax);
                    if (estimator == Estimators.Cnn) Add(set, estimator, fullLog10MMin, fullLog10MMax);
                }

                void Add(EvaluatedSample[] set, string estimator, double massMin, double massMax)
                {
                    EvaluatedSample[] inRange = [.. set.Where(s => s.Log10MTrue >= massMin && s.Log10MTrue <= massMax)];
                    int usable = inRange.Count(s => double.IsFinite(Estimators.Prediction(s, estimator)) && (estimator != Estimators.Cnn || (s.CnnSigma > 0 && double.IsFinite(s.CnnSigma))));
                    if (usable < 2 || !(massMin < massMax)) return;
                    double[] truth = [.. inRange.Select(s => s.Log10MTrue)];
                    double[] predicted = [.. inRange.Select(s => Estimators.Prediction(s, estimator))];
                    double[] sigma = estimator == Estimators.Cnn ? [.. inRange.Select(s => s.CnnSigma)] : [];
                    bins.Add(new RedshiftBinMetrics(low, high, EstimatorMetrics.Compute(estimator, catalogue, truth, predicted, sigma, massMin, massMax)));
                }
            }
        }
        return bins;
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
