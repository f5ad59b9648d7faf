using StreamProcessor.Evaluation;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// Everything <c>trainer evaluate</c> measured on the held-out test haloes: metrics per (estimator, catalogue, mass
/// range), the same per redshift bin, the scatter-vs-richness fits, the CNN calibration curves, and the pass/fail of the
/// issue's targets.
/// </summary>
public sealed record EvaluationReport(
    int TestHaloes,
    IReadOnlyList<EstimatorMetrics> Metrics,
    IReadOnlyList<RichnessFitSummary> RichnessFits,
    IReadOnlyDictionary<string, IReadOnlyList<CalibrationPoint>> CnnCalibration,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<RedshiftBinMetrics> RedshiftBins);
