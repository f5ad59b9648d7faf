using Prometheus;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// Science-health metric of the profile-inference step beside the shared inference metrics
/// (StreamProcessor.Hosting.Metrics.InferenceMetrics): operators see why stacks cannot be inferred.
/// </summary>
public static class ProfileInferenceMetrics
{
    public static readonly Counter Rejected = Metrics.CreateCounter(
        "streamprocessor_profiles_rejected_total", "Stacked profiles the model cannot read (published as rejected posteriors), by reason.",
        labelNames: ["service", "reason"]);
}
