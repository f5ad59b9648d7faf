namespace StreamProcessor.Bench;

/// <summary>Text shared by the bench subcommands.</summary>
internal static class BenchCommands
{
    internal const string Description =
        "Benchmarks of StreamProcessor: each subcommand measures its figures and ratios in one run (kde, stream, massfunction, codecs, profiles, maps).";
}
