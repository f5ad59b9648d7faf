using System.CommandLine;

namespace StreamProcessor.IngestCli;

/// <summary>The `ingest` command tree: `ingest file`, `ingest demo`, `ingest profiles` and `ingest maps`.</summary>
public static class IngestCommands
{
    public static RootCommand CreateRoot() => new("Publishes galaxy-cluster catalogues (topic 'catalogues' by default), stacked profiles (topic 'profiles') and sky maps (topic 'maps') to Kafka.")
    {
        FileCommand.Create(),
        DemoCommand.Create(),
        ProfilesCommand.Create(),
        MapsCommand.Create(),
    };
}
