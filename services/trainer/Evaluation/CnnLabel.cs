using StreamProcessor.Evaluation;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// The name the CNN's rows carry in what <c>trainer evaluate</c> writes: "CNN-2D" or "CNN-3D" after the network
/// evaluated. <see cref="MassEvaluator"/> keys the CNN as <see cref="Estimators.Cnn"/> whatever its input, so the
/// report is relabelled once, after the targets and fits that look it up by that key are computed.
/// </summary>
internal static class CnnLabel
{
    public const string Cube3D = "CNN-3D";

    public static string For(InputArchitecture architecture) => architecture == InputArchitecture.Cube3D ? Cube3D : Estimators.Cnn;

    /// <summary><paramref name="report"/> with its CNN rows named <paramref name="label"/>.</summary>
    public static EvaluationReport Relabel(EvaluationReport report, string label)
    {
        if (label == Estimators.Cnn) return report;
        EstimatorMetrics Named(EstimatorMetrics m) => m.Estimator == Estimators.Cnn ? m with { Estimator = label } : m;
        return report with
        {
            Metrics = [.. report.Metrics.Select(Named)],
            RichnessFits = [.. report.RichnessFits.Select(f => f.Estimator == Estimators.Cnn ? f with { Estimator = label } : f)],
            RedshiftBins = [.. report.RedshiftBins.Select(b => b with { Metrics = Named(b.Metrics) })],
        };
    }
}
