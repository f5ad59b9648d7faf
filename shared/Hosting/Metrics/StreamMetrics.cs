using Prometheus;

namespace StreamProcessor.Hosting.Metrics;

/// <summary>
/// The worker's Prometheus metrics. Names follow Prometheus conventions (unit suffix, _total for counters);
/// labels stay low-cardinality: service, topic, partition, reason, stage — never an object id.
/// </summary>
public static class StreamMetrics
{
    public static readonly Counter Consumed = Prometheus.Metrics.CreateCounter(
        "streamprocessor_records_consumed_total", "Records read from the input topic.", labelNames: ["service", "topic"]);

    public static readonly Counter Produced = Prometheus.Metrics.CreateCounter(
        "streamprocessor_records_produced_total", "Records acknowledged by the broker on an output topic.", labelNames: ["service", "topic"]);

    public static readonly Counter DeadLettered = Prometheus.Metrics.CreateCounter(
        "streamprocessor_records_dead_lettered_total", "Input records sent to the dead-letter topic, by reason.", labelNames: ["service", "topic", "reason"]);

    public static readonly Counter Skipped = Prometheus.Metrics.CreateCounter(
        "streamprocessor_records_skipped_total", "Input records a step chose not to answer, by reason.", labelNames: ["service", "reason"]);

    public static readonly Counter StepRetries = Prometheus.Metrics.CreateCounter(
        "streamprocessor_step_retries_total", "Step calls retried after an exception.", labelNames: ["service"]);

    public static readonly Histogram BatchSize = Prometheus.Metrics.CreateHistogram(
        "streamprocessor_batch_size_records", "Records per micro-batch handed to the step.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.ExponentialBuckets(1, 2, 12) });

    public static readonly Histogram StageDuration = Prometheus.Metrics.CreateHistogram(
        "streamprocessor_stage_duration_seconds", "Time per micro-batch in each stage (decode, step, produce, batch).",
        new HistogramConfiguration { LabelNames = ["service", "stage"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    public static readonly Histogram RecordLatency = Prometheus.Metrics.CreateHistogram(
        "streamprocessor_record_latency_seconds", "From the input record's log timestamp to its outputs' acknowledgement.",
        new HistogramConfiguration { LabelNames = ["service"], Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public static readonly Gauge ConsumerLag = Prometheus.Metrics.CreateGauge(
        "streamprocessor_consumer_lag_records", "High watermark minus position, per assigned input partition.",
        labelNames: ["service", "topic", "partition"]);

    public static readonly Gauge InFlight = Prometheus.Metrics.CreateGauge(
        "streamprocessor_in_flight_records", "Records consumed but whose offsets are not yet stored.", labelNames: ["service"]);

    public static readonly Gauge AssignedPartitions = Prometheus.Metrics.CreateGauge(
        "streamprocessor_assigned_partitions", "Input partitions currently assigned to this replica.", labelNames: ["service"]);
}
