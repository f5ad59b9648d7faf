using Prometheus;

namespace StreamProcessor.MassInference;

/// <summary>Throughput and science-health metrics of mass inference: drift shows here, not only lag.</summary>
public static class MassInferenceMetrics
{
    public static readonly Histogram BatchSize = Metrics.CreateHistogram(
        "streamprocessor_inference_batch_size_records", "Images per forward pass.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });

    public static readonly Histogram Duration = Metrics.CreateHistogram(
        "streamprocessor_inference_duration_seconds", "Time of one batched forward pass.",
        new HistogramConfiguration { LabelNames = ["service", "device"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    public static readonly Counter Posteriors = Metrics.CreateCounter(
        "streamprocessor_posteriors_total", "Posteriors published, by status (accepted, rejected).", labelNames: ["service", "status"]);

    public static readonly Counter OutOfDistribution = Metrics.CreateCounter(
        "streamprocessor_posteriors_out_of_distribution_total", "Posteriors flagged out of the training domain, by the first quantity outside it.",
        labelNames: ["service", "reason"]);

    public static readonly Gauge OodFraction = Metrics.CreateGauge(
        "streamprocessor_posterior_ood_fraction", "Fraction of accepted posteriors flagged out-of-distribution since start.", labelNames: ["service"]);

    public static readonly Histogram SigmaDex = Metrics.CreateHistogram(
        "streamprocessor_posterior_sigma_dex", "Posterior sigma of log10 M200c, dex.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.LinearBuckets(0.02, 0.02, 20) });
}
