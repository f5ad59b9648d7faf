namespace StreamProcessor.Deployment.Tests;

/// <summary>One scrape_configs entry of infra/prometheus/prometheus.yml: its targets as host and port.</summary>
public sealed record ScrapeJob(string Name, IReadOnlyList<(string Host, int Port)> Targets);
