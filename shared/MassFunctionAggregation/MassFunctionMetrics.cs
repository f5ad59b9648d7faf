using Prometheus;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// Metrics of the massfunction service beyond the worker-style ones (which it records in StreamMetrics under the same
/// names and labels as every StreamWorker). Labels stay low-cardinality: service and survey, never a cluster id.
/// </summary>
public static class MassFunctionMetrics
{
    public static readonly Counter Updates = Metrics.CreateCounter(
        "streamprocessor_massfunction_updates_total", "massfunction records published (one per redshift bin and update).", labelNames: ["service", "survey"]);

    public static readonly Gauge Clusters = Metrics.CreateGauge(
        "streamprocessor_massfunction_clusters", "Distinct clusters counted now (newest posterior accepted).", labelNames: ["service", "survey"]);

    public static readonly Histogram UpdateDuration = Metrics.CreateHistogram(
        "streamprocessor_massfunction_update_duration_seconds", "Time to compute one survey's update (snapshot, theory, cosmology fit).",
        new HistogramConfiguration { LabelNames = ["service", "survey"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public static readonly Counter CalibrationModelMismatches = Metrics.CreateCounter(
        "streamprocessor_massfunction_calibration_model_mismatch_total",
        "Accepted posteriors (new or replayed) of a survey with a SelectionCalibrationFile whose model card differs from the calibration's.",
        labelNames: ["service", "survey"]);

    public static readonly Counter Replayed = Metrics.CreateCounter(
        "streamprocessor_massfunction_replayed_records_total", "Records re-read from posteriors.mass at start to rebuild the state.", labelNames: ["service"]);

    public static readonly Gauge RebuildDuration = Metrics.CreateGauge(
        "streamprocessor_massfunction_rebuild_duration_seconds", "Time the last start took to rebuild the state from posteriors.mass.", labelNames: ["service"]);
}
