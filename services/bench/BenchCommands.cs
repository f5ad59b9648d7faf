namespace StreamProcessor.Bench;

/// <summary>Text shared by the bench subcommands.</summary>
internal static class BenchCommands
{
    internal const string Description =
        "Micro-benchmarks of the StreamProcessor science libraries: each subcommand times a fast path against its reference implementation in one run.";
}
