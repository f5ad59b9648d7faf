using System.CommandLine;
using StreamProcessor.Contracts;

namespace StreamProcessor.IngestCli;

/// <summary>Options that the `ingest` commands share.</summary>
public static class CommonOptions
{
    public static Option<string?> Bootstrap() => new("--bootstrap")
    {
        Description = "Kafka bootstrap servers, host:port (default: the Kafka__BootstrapServers environment variable).",
    };

    public static Option<string> Topic(string defaultTopic = Topics.Catalogues) => new("--topic")
    {
        Description = "Topic to publish to.",
        DefaultValueFactory = _ => defaultTopic,
    };
}
