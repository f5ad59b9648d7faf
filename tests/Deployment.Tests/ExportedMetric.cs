namespace StreamProcessor.Deployment.Tests;

/// <summary>One metric family a service exports: its name as scraped, its type and its label names.</summary>
public sealed record ExportedMetric(string Name, MetricKind Kind, IReadOnlyList<string> Labels);
