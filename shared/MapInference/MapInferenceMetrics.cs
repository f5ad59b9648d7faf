using Prometheus;

namespace StreamProcessor.MapInference;

/// <summary>Science-health metric of the map-inference step beside the shared inference metrics.</summary>
public static class MapInferenceMetrics
{
    public static readonly Counter Rejected = Metrics.CreateCounter(
        "streamprocessor_cgm_posteriors_rejected_total", "Map-feature records no map model can read (published as rejected posteriors), by reason.",
        labelNames: ["service", "reason"]);

    public static readonly Counter ByModel = Metrics.CreateCounter(
        "streamprocessor_maps_inferred_total", "Map records inferred, by the channels of the model that served them.",
        labelNames: ["service", "channels"]);
}
