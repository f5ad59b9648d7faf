using Prometheus;

namespace StreamProcessor.Hosting.Metrics;

/// <summary>
/// Throughput and science-health metrics of every model-serving step (mass-inference, profile-inference), labelled by
/// service: drift shows here, not only lag. Kept with the worker's metrics because two services share them.
/// </summary>
public static class InferenceMetrics
{
    public static readonly Histogram BatchSize = Prometheus.Metrics.CreateHistogram(
        "streamprocessor_inference_batch_size_records", "Inputs per forward pass.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });

    public static readonly Histogram Duration = Prometheus.Metrics.CreateHistogram(
        "streamprocessor_inference_duration_seconds", "Time of one batched forward pass.",
        new HistogramConfiguration { LabelNames = ["service", "device"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    public static readonly Counter Posteriors = Prometheus.Metrics.CreateCounter(
        "streamprocessor_posteriors_total", "Posteriors published, by status (accepted, rejected).", labelNames: ["service", "status"]);

    public static readonly Counter OutOfDistribution = Prometheus.Metrics.CreateCounter(
        "streamprocessor_posteriors_out_of_distribution_total", "Posteriors flagged out of the training domain, by the first quantity outside it.",
        labelNames: ["service", "reason"]);

    public static readonly Gauge OodFraction = Prometheus.Metrics.CreateGauge(
        "streamprocessor_posterior_ood_fraction", "Fraction of accepted posteriors flagged out-of-distribution since start.", labelNames: ["service"]);
}
