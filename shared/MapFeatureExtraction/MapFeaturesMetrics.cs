using Prometheus;

namespace StreamProcessor.MapFeatureExtraction;

/// <summary>Science-health metrics of the map-features step: how joins end, why objects are rejected, how long maps wait.</summary>
public static class MapFeaturesMetrics
{
    public static readonly Counter Joins = Metrics.CreateCounter(
        "streamprocessor_map_joins_total", "Map-feature records published, by outcome: complete (every expected field) or partial (the wait ran out).",
        labelNames: ["service", "outcome"]);

    public static readonly Counter Rejected = Metrics.CreateCounter(
        "streamprocessor_maps_rejected_total", "Map-feature records published as rejected, by reason.", labelNames: ["service", "reason"]);

    public static readonly Histogram JoinWait = Metrics.CreateHistogram(
        "streamprocessor_map_join_wait_seconds", "From an object's first map being read to its record, by outcome.",
        new HistogramConfiguration { LabelNames = ["service", "outcome"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 20) });

    public static readonly Gauge Held = Metrics.CreateGauge(
        "streamprocessor_maps_held", "Maps held by the join, waiting for the other fields of their object.", labelNames: ["service"]);
}
