using System.CommandLine;

namespace StreamProcessor.IngestCli;

/// <summary>The `ingest` command tree: `ingest file`, `ingest demo` and `ingest profiles`.</summary>
public static class IngestCommands
{
    public static RootCommand CreateRoot() => new("Publishes galaxy-cluster catalogues (topic 'catalogues' by default) and stacked profiles (topic 'profiles') to Kafka.")
    {
        FileCommand.Create(),
        DemoCommand.Create(),
        ProfilesCommand.Create(),
    };
}
