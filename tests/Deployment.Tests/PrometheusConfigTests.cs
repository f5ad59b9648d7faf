using System.Text.RegularExpressions;

namespace StreamProcessor.Deployment.Tests;

/// <summary>infra/prometheus: promtool accepts the configuration and rules, and the alerts fire when they should.</summary>
public sealed partial class PrometheusConfigTests
{
    private const string Alerts = "infra/prometheus/alerts.yml";
    private const string AlertTests = "infra/prometheus/alerts.test.yml";

    [Fact]
    public void Promtool_accepts_the_prometheus_configuration_and_the_rule_file_it_names()
    {
        var result = Promtool.Run("check", "config", PrometheusConfig.RelativePath);

        Assert.True(result.ExitCode == 0, result.Describe($"promtool check config {PrometheusConfig.RelativePath}"));
        Assert.Contains("1 rule files found", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Promtool_accepts_the_alerting_rules()
    {
        var result = Promtool.Run("check", "rules", Alerts);

        Assert.True(result.ExitCode == 0, result.Describe($"promtool check rules {Alerts}"));
    }

    [Fact]
    public void Alerting_rules_pass_their_promtool_unit_tests()
    {
        var result = Promtool.Run("test", "rules", AlertTests);

        Assert.True(result.ExitCode == 0, result.Describe($"promtool test rules {AlertTests}"));
    }

    [Fact]
    public void Every_alert_has_a_unit_test_that_expects_it_to_fire()
    {
        var rules = YamlNodes.LoadMapping(Alerts).Child("groups").Items()
            .SelectMany(g => g.Child("rules").Items())
            .Select(r => r.Scalar("alert"))
            .OfType<string>()
            .ToList();
        var firing = YamlNodes.LoadMapping(AlertTests).Child("tests").Items()
            .SelectMany(t => t.Child("alert_rule_test").Items())
            .Where(t => t.Child("exp_alerts").Items().Any())
            .Select(t => t.Scalar("alertname"))
            .ToHashSet();

        Assert.NotEmpty(rules);
        Assert.All(rules, alert => Assert.True(firing.Contains(alert), $"{AlertTests} never shows {alert} firing"));
    }

    [Fact]
    public void Down_and_absent_alerts_cover_every_worker_Prometheus_scrapes()
    {
        var workers = PrometheusConfig.Jobs().Select(j => j.Name).Where(name => name != "prometheus").Order().ToList();
        var rules = YamlNodes.LoadMapping(Alerts).Child("groups").Items()
            .SelectMany(g => g.Child("rules").Items())
            .ToDictionary(r => r.Scalar("alert") ?? string.Empty, r => r.Scalar("expr") ?? string.Empty);

        // StreamWorkerDown: up{job=~"a|b|..."} == 0; StreamWorkerAbsent: absent(up{job="a"}) or absent(up{job="b"}) ...
        var down = DownJobs().Match(rules["StreamWorkerDown"]).Groups["jobs"].Value.Split('|').Order().ToList();
        var absent = AbsentJob().Matches(rules["StreamWorkerAbsent"]).Select(m => m.Groups["job"].Value).Order().ToList();

        Assert.NotEmpty(workers);
        Assert.Equal(workers, down);
        Assert.Equal(workers, absent);
    }

    [Fact]
    public void Alerting_rules_use_only_documented_metrics_and_their_labels()
    {
        var expressions = YamlNodes.LoadMapping(Alerts).Child("groups").Items()
            .SelectMany(g => g.Child("rules").Items())
            .Select(r => r.Scalar("expr") ?? string.Empty)
            .ToList();

        Assert.NotEmpty(expressions);
        foreach (string expression in expressions)
        {
            MetricAssertions.UsesOnlyDocumentedMetrics(expression, allowed: ["up"]);
        }
    }

    [GeneratedRegex(@"up\{job=~""(?<jobs>[^""]*)""\}")]
    private static partial Regex DownJobs();

    [GeneratedRegex(@"absent\(up\{job=""(?<job>[^""]*)""\}\)")]
    private static partial Regex AbsentJob();
}
