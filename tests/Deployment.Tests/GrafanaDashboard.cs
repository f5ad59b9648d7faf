using System.Text.Json;

namespace StreamProcessor.Deployment.Tests;

/// <summary>infra/grafana/dashboards/streamprocessor.json: its panels, their PromQL and the datasources they name.</summary>
internal sealed class GrafanaDashboard
{
    public const string RelativePath = "infra/grafana/dashboards/streamprocessor.json";

    private GrafanaDashboard(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static GrafanaDashboard Load() => new(JsonDocument.Parse(RepositoryRoot.ReadAllText(RelativePath)).RootElement.Clone());

    /// <summary>Every panel, including those nested in collapsed rows.</summary>
    public IReadOnlyList<JsonElement> Panels => Flatten(Root.GetProperty("panels")).ToList();

    /// <summary>(panel title, PromQL) for each query target, plus the label_values(...) queries of template variables.</summary>
    public IReadOnlyList<(string Panel, string Expression)> Expressions
    {
        get
        {
            var expressions = new List<(string, string)>();
            foreach (var panel in Panels)
            {
                if (!panel.TryGetProperty("targets", out var targets))
                {
                    continue;
                }

                string title = panel.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty;
                expressions.AddRange(targets.EnumerateArray()
                    .Where(target => target.TryGetProperty("expr", out _))
                    .Select(target => (title, target.GetProperty("expr").GetString() ?? string.Empty)));
            }

            if (Root.TryGetProperty("templating", out var templating))
            {
                foreach (var variable in templating.GetProperty("list").EnumerateArray())
                {
                    if (variable.TryGetProperty("query", out var query))
                    {
                        string text = query.ValueKind == JsonValueKind.Object ? query.GetProperty("query").GetString() ?? string.Empty : query.GetString() ?? string.Empty;
                        expressions.Add(($"variable {variable.GetProperty("name").GetString()}", LabelValuesSelector(text)));
                    }
                }
            }

            return expressions;
        }
    }

    /// <summary>Datasource uids named by panels and targets (mixed or built-in Grafana sources excluded).</summary>
    public IReadOnlySet<string> DatasourceUids =>
        Panels.SelectMany(p => p.TryGetProperty("targets", out var targets) ? targets.EnumerateArray().Prepend(p) : [p])
            .Where(e => e.TryGetProperty("datasource", out var ds) && ds.ValueKind == JsonValueKind.Object && ds.TryGetProperty("uid", out _))
            .Select(e => e.GetProperty("datasource").GetProperty("uid").GetString() ?? string.Empty)
            .ToHashSet();

    /// <summary>label_values(selector, label) → selector; label_values(label) has no selector and gives "".</summary>
    private static string LabelValuesSelector(string query)
    {
        const string Function = "label_values(";
        if (!query.StartsWith(Function, StringComparison.Ordinal))
        {
            return query;
        }

        string inner = query[Function.Length..query.LastIndexOf(')')];
        int comma = inner.LastIndexOf(',');
        return comma < 0 ? string.Empty : inner[..comma].Trim();
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement panels)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            yield return panel;
            if (panel.TryGetProperty("panels", out var nested))
            {
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
