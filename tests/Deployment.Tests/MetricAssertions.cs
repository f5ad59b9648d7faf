namespace StreamProcessor.Deployment.Tests;

/// <summary>Checks a PromQL expression against <see cref="ExportedMetrics"/>.</summary>
internal static class MetricAssertions
{
    /// <summary>
    /// Every series the expression selects belongs to a documented family (or to <paramref name="allowed"/>, e.g.
    /// Prometheus' own <c>up</c>), and every label it groups or matches by is carried by one of those families.
    /// Returns the documented families used.
    /// </summary>
    public static IReadOnlyList<ExportedMetric> UsesOnlyDocumentedMetrics(string expression, IReadOnlyCollection<string>? allowed = null)
    {
        allowed ??= [];
        var families = new List<ExportedMetric>();
        foreach (string name in PromQl.SeriesNames(expression))
        {
            if (allowed.Contains(name))
            {
                continue;
            }

            var family = ExportedMetrics.Family(name);
            Assert.True(family is not null, $"`{name}` in `{expression}` is not in ExportedMetrics (names of histograms end in _bucket, _sum or _count)");
            families.Add(family!);
        }

        var labels = families.SelectMany(f => f.Labels)
            .Concat(ExportedMetrics.TargetLabels)
            .Concat(families.Any(f => f.Kind == MetricKind.Histogram) ? ["le"] : [])
            .ToHashSet(StringComparer.Ordinal);
        foreach (string label in PromQl.LabelNames(expression))
        {
            Assert.True(labels.Contains(label), $"label `{label}` in `{expression}` is carried by none of its metrics");
        }

        return families;
    }
}
