using YamlDotNet.RepresentationModel;

namespace StreamProcessor.Deployment.Tests;

/// <summary>docker-compose.yml at the repository root, read with the compose specification's field names.</summary>
internal sealed class ComposeFile
{
    public const string RelativePath = "docker-compose.yml";

    private ComposeFile(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, YamlNode> Services => Root.Child("services").Entries().ToDictionary(e => e.Key, e => e.Value);

    public static ComposeFile Load() => new(YamlNodes.LoadMapping(RelativePath));

    public YamlNode Service(string name) =>
        Services.TryGetValue(name, out var service) ? service : throw new Xunit.Sdk.XunitException($"{RelativePath} has no service '{name}'");

    /// <summary>A service's environment, written either as a mapping or as a list of NAME=value.</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlNode service)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlNode? node = service.Child("environment");
        foreach (var (name, value) in node.Entries())
        {
            environment[name] = (value as YamlScalarNode)?.Value ?? string.Empty;
        }

        foreach (var item in node.Items().OfType<YamlScalarNode>())
        {
            string text = item.Value ?? string.Empty;
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            environment[equals < 0 ? text : text[..equals]] = equals < 0 ? string.Empty : text[(equals + 1)..];
        }

        return environment;
    }

    /// <summary>Short-syntax volumes "source:target[:mode]" whose source is a path (bind mounts), not a named volume.</summary>
    public static IReadOnlyList<(string Source, string Target)> BindMounts(YamlNode service) =>
        service.Child("volumes").Items().OfType<YamlScalarNode>()
            .Select(v => (v.Value ?? string.Empty).Split(':'))
            .Where(parts => parts.Length >= 2 && parts[0].StartsWith('.'))
            .Select(parts => (parts[0], parts[1]))
            .ToList();

    /// <summary>Services running a stream worker: those given a listen URL (`urls`) for /metrics and health.</summary>
    public IReadOnlyDictionary<string, Uri> WorkerUrls =>
        Services
            .Select(s => (s.Key, Url: Environment(s.Value).GetValueOrDefault("urls")))
            .Where(s => s.Url is not null)
            .ToDictionary(s => s.Key, s => new Uri(s.Url!));
}
