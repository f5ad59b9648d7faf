using StreamProcessor.Evaluation;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// One estimator's metrics on one catalogue restricted to test views of cluster redshift z_min ≤ z &lt; z_max (the last
/// bin includes its upper edge) and true log10 M in the metrics' mass range.
/// </summary>
public sealed record RedshiftBinMetrics(double RedshiftMin, double RedshiftMax, EstimatorMetrics Metrics);
