namespace StreamProcessor.Deployment.Tests;

/// <summary>
/// The metrics the services document as exported: the ONE list the dashboard and alert checks compare against.
/// Worker metrics come from shared/Hosting/Metrics/StreamMetrics.cs; the others from services/phase-space,
/// services/mass-inference, services/profile-inference, services/map-features, services/map-inference and services/massfunction. This list is a claim, not an observation: a later test
/// scrapes /metrics of the running services and proves each name (and its labels) is really served.
/// </summary>
public static class ExportedMetrics
{
    public static IReadOnlyList<ExportedMetric> All { get; } =
    [
        // Every stream worker (shared/Hosting).
        new("streamprocessor_records_consumed_total", MetricKind.Counter, ["service", "topic"]),
        new("streamprocessor_records_produced_total", MetricKind.Counter, ["service", "topic"]),
        new("streamprocessor_records_dead_lettered_total", MetricKind.Counter, ["service", "topic", "reason"]),
        new("streamprocessor_records_skipped_total", MetricKind.Counter, ["service", "reason"]),
        new("streamprocessor_step_retries_total", MetricKind.Counter, ["service"]),
        new("streamprocessor_batch_size_records", MetricKind.Histogram, ["service"]),
        new("streamprocessor_stage_duration_seconds", MetricKind.Histogram, ["service", "stage"]),
        new("streamprocessor_record_latency_seconds", MetricKind.Histogram, ["service"]),
        new("streamprocessor_consumer_lag_records", MetricKind.Gauge, ["service", "topic", "partition"]),
        new("streamprocessor_in_flight_records", MetricKind.Gauge, ["service"]),
        new("streamprocessor_assigned_partitions", MetricKind.Gauge, ["service"]),

        // mass-inference, profile-inference and map-inference (shared/Hosting/Metrics/InferenceMetrics.cs).
        new("streamprocessor_inference_batch_size_records", MetricKind.Histogram, ["service"]),
        new("streamprocessor_inference_duration_seconds", MetricKind.Histogram, ["service", "device"]),
        new("streamprocessor_posteriors_total", MetricKind.Counter, ["service", "status"]),
        new("streamprocessor_posteriors_out_of_distribution_total", MetricKind.Counter, ["service", "reason"]),
        new("streamprocessor_posterior_ood_fraction", MetricKind.Gauge, ["service"]),
        new("streamprocessor_posterior_sigma_dex", MetricKind.Histogram, ["service"]),

        // profile-inference.
        new("streamprocessor_profiles_rejected_total", MetricKind.Counter, ["service", "reason"]),

        // map-features.
        new("streamprocessor_map_joins_total", MetricKind.Counter, ["service", "outcome"]),
        new("streamprocessor_maps_rejected_total", MetricKind.Counter, ["service", "reason"]),
        new("streamprocessor_map_join_wait_seconds", MetricKind.Histogram, ["service", "outcome"]),
        new("streamprocessor_maps_held", MetricKind.Gauge, ["service"]),

        // map-inference.
        new("streamprocessor_cgm_posteriors_rejected_total", MetricKind.Counter, ["service", "reason"]),
        new("streamprocessor_maps_inferred_total", MetricKind.Counter, ["service", "channels"]),

        // phase-space.
        new("streamprocessor_catalogues_rejected_total", MetricKind.Counter, ["service", "reason"]),
        new("streamprocessor_kde_duration_seconds", MetricKind.Histogram, ["service", "kind"]),

        // massfunction.
        new("streamprocessor_massfunction_updates_total", MetricKind.Counter, ["service", "survey"]),
        new("streamprocessor_massfunction_clusters", MetricKind.Gauge, ["service", "survey"]),
    ];

    /// <summary>Labels Prometheus adds to every scraped series (target labels).</summary>
    public static IReadOnlySet<string> TargetLabels { get; } = new HashSet<string>(StringComparer.Ordinal) { "job", "instance" };

    /// <summary>
    /// The exported family a scraped series name belongs to: a histogram family is scraped as _bucket, _sum and
    /// _count series; anything else must match a family name exactly. Null when the name is not documented.
    /// </summary>
    public static ExportedMetric? Family(string seriesName)
    {
        if (All.FirstOrDefault(m => m.Name == seriesName && m.Kind != MetricKind.Histogram) is { } exact)
        {
            return exact;
        }

        foreach (string suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (seriesName.EndsWith(suffix, StringComparison.Ordinal)
                && All.FirstOrDefault(m => m.Kind == MetricKind.Histogram && m.Name == seriesName[..^suffix.Length]) is { } histogram)
            {
                return histogram;
            }
        }

        return null;
    }
}
