using System.CommandLine;

namespace StreamProcessor.IngestCli;

/// <summary>The `ingest` command tree: `ingest file` and `ingest demo`.</summary>
public static class IngestCommands
{
    public static RootCommand CreateRoot() => new("Publishes galaxy-cluster catalogues to Kafka (topic 'catalogues' by default).")
    {
        FileCommand.Create(),
        DemoCommand.Create(),
    };
}
