using System.CommandLine;
using StreamProcessor.Abundance;

namespace StreamProcessor.Bench;

/// <summary>`bench massfunction`: posterior ingest rate and the 50×50 (Ω_m, σ8) grid update time, cold and warm.</summary>
internal static class MassFunctionBenchCommand
{
    public static Command Create()
    {
        var command = new Command("massfunction", "Mass-function accumulator: posteriors ingested per second, cold and warm grid-likelihood update time.");
        command.SetAction(_ =>
        {
            AbundanceBenchmark.Run(Console.Out);
            return 0;
        });
        return command;
    }
}
