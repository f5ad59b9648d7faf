using Prometheus;

namespace StreamProcessor.MassInference;

/// <summary>
/// The mass-specific science-health metric; batch sizes, inference time, posterior counts and the out-of-distribution
/// fraction are the shared ones of every inference step (StreamProcessor.Hosting.Metrics.InferenceMetrics).
/// </summary>
public static class MassInferenceMetrics
{
    public static readonly Histogram SigmaDex = Metrics.CreateHistogram(
        "streamprocessor_posterior_sigma_dex", "Posterior sigma of log10 M200c, dex.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.LinearBuckets(0.02, 0.02, 20) });
}
