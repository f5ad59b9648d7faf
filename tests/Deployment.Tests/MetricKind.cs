namespace StreamProcessor.Deployment.Tests;

/// <summary>Prometheus metric types the services export (prometheus-net).</summary>
public enum MetricKind
{
    Counter,
    Gauge,
    Histogram,
}
