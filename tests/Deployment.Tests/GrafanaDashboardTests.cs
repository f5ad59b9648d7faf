using System.Text;
using System.Text.Json;

namespace StreamProcessor.Deployment.Tests;

/// <summary>The Grafana dashboard queries only metrics the services export, parses as PromQL and covers every view.</summary>
public sealed class GrafanaDashboardTests
{
    private const string DatasourceProvisioning = "infra/grafana/provisioning/datasources/prometheus.yml";

    private readonly GrafanaDashboard _dashboard = GrafanaDashboard.Load();

    [Fact]
    public void Every_dashboard_query_uses_only_documented_metrics_and_their_labels()
    {
        Assert.NotEmpty(_dashboard.Expressions);
        foreach (var (panel, expression) in _dashboard.Expressions)
        {
            var families = MetricAssertions.UsesOnlyDocumentedMetrics(expression);
            Assert.True(families.Count > 0, $"panel '{panel}' queries no documented metric: `{expression}`");
        }
    }

    [Theory]
    [InlineData("streamprocessor_records_consumed_total")]
    [InlineData("streamprocessor_records_produced_total")]
    [InlineData("streamprocessor_consumer_lag_records")]
    [InlineData("streamprocessor_records_dead_lettered_total")]
    [InlineData("streamprocessor_batch_size_records")]
    [InlineData("streamprocessor_posteriors_total")]
    [InlineData("streamprocessor_posterior_ood_fraction")]
    [InlineData("streamprocessor_posterior_sigma_dex")]
    [InlineData("streamprocessor_catalogues_rejected_total")]
    [InlineData("streamprocessor_profiles_rejected_total")]
    [InlineData("streamprocessor_massfunction_updates_total")]
    [InlineData("streamprocessor_map_joins_total")]
    [InlineData("streamprocessor_map_join_wait_seconds")]
    [InlineData("streamprocessor_maps_held")]
    [InlineData("streamprocessor_maps_rejected_total")]
    [InlineData("streamprocessor_maps_inferred_total")]
    [InlineData("streamprocessor_cgm_posteriors_rejected_total")]
    public void Dashboard_has_a_panel_for_the_metric(string family)
    {
        var used = _dashboard.Expressions
            .SelectMany(e => PromQl.SeriesNames(e.Expression))
            .Select(ExportedMetrics.Family)
            .OfType<ExportedMetric>()
            .Select(m => m.Name);

        Assert.Contains(family, used);
    }

    [Theory]
    [InlineData("streamprocessor_inference_duration_seconds")]
    [InlineData("streamprocessor_record_latency_seconds")]
    public void Dashboard_shows_p50_and_p99_of_the_latency_histogram(string histogram)
    {
        var expressions = _dashboard.Expressions.Select(e => e.Expression.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();

        foreach (string quantile in (string[])["0.5", "0.99"])
        {
            Assert.Contains(expressions, e =>
                e.StartsWith($"histogram_quantile({quantile},", StringComparison.Ordinal)
                && e.Contains($"{histogram}_bucket", StringComparison.Ordinal)
                && e.Contains("le)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_dashboard_query_parses_as_PromQL()
    {
        // promtool parses each query as a recording rule once Grafana's variables are given values of the right type.
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int index = 0;
        foreach (var (_, expression) in _dashboard.Expressions)
        {
            string promql = expression
                .Replace("$__rate_interval", "20s", StringComparison.Ordinal)
                .Replace("$__interval", "5s", StringComparison.Ordinal)
                .Replace("$__range", "1h", StringComparison.Ordinal)
                .Replace("$service", ".*", StringComparison.Ordinal);
            Assert.DoesNotContain("$", promql, StringComparison.Ordinal);
            rules.Append($"      - record: dashboard:query_{index++}\n        expr: {JsonSerializer.Serialize(promql)}\n");
        }

        string file = Path.Combine(Directory.CreateTempSubdirectory("dashboard-rules-").FullName, "rules.yml");
        File.WriteAllText(file, rules.ToString());
        try
        {
            var result = Promtool.Run("check", "rules", file);

            Assert.True(result.ExitCode == 0, result.Describe($"promtool check rules (dashboard queries)"));
            Assert.Contains($"SUCCESS: {index} rules found", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void Panels_use_the_provisioned_Prometheus_datasource()
    {
        var provisioned = YamlNodes.LoadMapping(DatasourceProvisioning).Child("datasources").Items()
            .Where(d => d.Scalar("type") == "prometheus")
            .Select(d => d.Scalar("uid"))
            .OfType<string>()
            .ToHashSet();

        Assert.NotEmpty(_dashboard.DatasourceUids);
        Assert.Subset(provisioned, _dashboard.DatasourceUids.ToHashSet());
    }

    [Fact]
    public void Provisioned_datasource_points_at_the_compose_Prometheus_service()
    {
        var compose = ComposeFile.Load();
        string url = YamlNodes.LoadMapping(DatasourceProvisioning).Child("datasources").Items().Single().Scalar("url") ?? string.Empty;
        var uri = new Uri(url);

        Assert.True(compose.Services.ContainsKey(uri.Host), $"datasource host {uri.Host} is not a compose service");
        // Prometheus listens on 0.0.0.0:9090 unless its command sets --web.listen-address.
        string listen = compose.Service("prometheus").Child("command").Words()
            .FirstOrDefault(a => a.StartsWith("--web.listen-address=", StringComparison.Ordinal)) ?? "--web.listen-address=0.0.0.0:9090";
        Assert.EndsWith($":{uri.Port}", listen, StringComparison.Ordinal);
    }

    [Fact]
    public void Dashboard_panels_do_not_overlap_on_the_grid()
    {
        var cells = new HashSet<(int X, int Y)>();
        foreach (var panel in _dashboard.Panels.Where(p => p.TryGetProperty("gridPos", out _)))
        {
            var grid = panel.GetProperty("gridPos");
            int x = grid.GetProperty("x").GetInt32(), y = grid.GetProperty("y").GetInt32();
            int w = grid.GetProperty("w").GetInt32(), h = grid.GetProperty("h").GetInt32();
            Assert.InRange(x + w, 1, 24);
            for (int i = x; i < x + w; i++)
            {
                for (int j = y; j < y + h; j++)
                {
                    Assert.True(cells.Add((i, j)), $"panel '{panel.GetProperty("title").GetString()}' overlaps another at ({i}, {j})");
                }
            }
        }
    }
}
