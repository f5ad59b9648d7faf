using Prometheus;

namespace StreamProcessor.FeatureExtraction;

/// <summary>Science-health metrics of the phase-space step: operators see why detections are rejected.</summary>
public static class PhaseSpaceMetrics
{
    public static readonly Counter Rejected = Metrics.CreateCounter(
        "streamprocessor_catalogues_rejected_total", "Catalogues that failed an observational limit, by reason.", labelNames: ["service", "reason"]);

    public static readonly Histogram KdeDuration = Metrics.CreateHistogram(
        "streamprocessor_kde_duration_seconds", "Time to build the KDE images of one catalogue.",
        new HistogramConfiguration { LabelNames = ["service", "kind"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 14) });
}
