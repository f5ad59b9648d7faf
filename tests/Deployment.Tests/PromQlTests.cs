namespace StreamProcessor.Deployment.Tests;

/// <summary>The PromQL reader finds series and label names, and nothing else, in the shapes the dashboard uses.</summary>
public sealed class PromQlTests
{
    [Fact]
    public void SeriesNames_finds_the_bucket_series_inside_histogram_quantile_and_ignores_functions_and_variables()
    {
        var names = PromQl.SeriesNames(
            "histogram_quantile(0.99, sum by (device, le) (rate(streamprocessor_inference_duration_seconds_bucket{service=~\"$service\"}[$__rate_interval])))");

        Assert.Equal(["streamprocessor_inference_duration_seconds_bucket"], names);
    }

    [Fact]
    public void SeriesNames_finds_both_operands_of_a_binary_expression_and_skips_numbers_and_keywords()
    {
        var names = PromQl.SeriesNames(
            "60 * sum without (partition) (a_total offset 5m) / on (service) group_left (topic) b_count > bool 1e3 unless c");

        Assert.Equal(new HashSet<string> { "a_total", "b_count", "c" }, names);
    }

    [Fact]
    public void SeriesNames_does_not_mistake_label_names_or_values_for_series()
    {
        var names = PromQl.SeriesNames("up{job=\"phase-space\", instance=~\"x:9401|other_metric\"} == 0");

        Assert.Equal(["up"], names);
    }

    [Fact]
    public void LabelNames_collects_grouping_and_matcher_labels()
    {
        var labels = PromQl.LabelNames("sum by (service, topic) (rate(x_total{reason!=\"a,b\", partition=~\"1\"}[5m])) / ignoring (le) y");

        Assert.Equal(new HashSet<string> { "service", "topic", "reason", "partition", "le" }, labels);
    }

    [Fact]
    public void Family_maps_histogram_series_to_their_family_but_not_counters_with_a_histogram_suffix()
    {
        Assert.Equal("streamprocessor_posterior_sigma_dex", ExportedMetrics.Family("streamprocessor_posterior_sigma_dex_count")?.Name);
        Assert.Equal("streamprocessor_posteriors_total", ExportedMetrics.Family("streamprocessor_posteriors_total")?.Name);
        Assert.Null(ExportedMetrics.Family("streamprocessor_posteriors_total_bucket"));
        Assert.Null(ExportedMetrics.Family("streamprocessor_posterior_sigma_dex"));
    }

    [Fact]
    public void Exported_metric_names_are_unique_and_follow_the_naming_convention()
    {
        var names = ExportedMetrics.All.Select(m => m.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(ExportedMetrics.All, m =>
        {
            Assert.StartsWith("streamprocessor_", m.Name, StringComparison.Ordinal);
            Assert.Contains("service", m.Labels);
            // Prometheus naming: counters end in _total, and no other type does.
            Assert.Equal(m.Kind == MetricKind.Counter, m.Name.EndsWith("_total", StringComparison.Ordinal));
        });
    }
}
