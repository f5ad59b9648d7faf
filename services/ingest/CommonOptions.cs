using System.CommandLine;
using StreamProcessor.Contracts;

namespace StreamProcessor.IngestCli;

/// <summary>Options that `ingest file` and `ingest demo` share.</summary>
public static class CommonOptions
{
    public static Option<string?> Bootstrap() => new("--bootstrap")
    {
        Description = "Kafka bootstrap servers, host:port (default: the Kafka__BootstrapServers environment variable).",
    };

    public static Option<string> Topic() => new("--topic")
    {
        Description = "Topic to publish to.",
        DefaultValueFactory = _ => Topics.Catalogues,
    };
}
