using YamlDotNet.RepresentationModel;

namespace StreamProcessor.Deployment.Tests;

/// <summary>Navigation over YamlDotNet's representation model for the configuration files under test.</summary>
internal static class YamlNodes
{
    public static YamlMappingNode LoadMapping(string relativePath)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(RepositoryRoot.ReadAllText(relativePath)));
        Assert.True(stream.Documents.Count == 1, $"{relativePath} should hold one YAML document");
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlNode? node, string key) => node.Child(key) is YamlScalarNode scalar ? scalar.Value : null;

    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode mapping
            ? mapping.Children.Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value ?? string.Empty, c.Value))
            : [];

    /// <summary>A compose "command" value: one string (split on spaces) or a list of strings.</summary>
    public static IReadOnlyList<string> Words(this YamlNode? node) => node switch
    {
        YamlScalarNode scalar => (scalar.Value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty).ToList(),
        _ => [],
    };
}
