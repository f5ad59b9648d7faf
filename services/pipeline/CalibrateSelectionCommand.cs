using System.CommandLine;
using StreamProcessor.PipelineHost.Science;

namespace StreamProcessor.Pipeline;

/// <summary><c>pipeline calibrate-selection</c>: writes the selection and mass–observable table of the science survey.</summary>
internal static class CalibrateSelectionCommand
{
    public static Command Create()
    {
        var defaults = new SelectionCalibrationOptions();
        var seed = new Option<ulong>("--seed") { Description = "Simulator seed (keep it disjoint from the checks' seeds).", DefaultValueFactory = _ => defaults.Seed };
        var perNode = new Option<int>("--haloes-per-node") { Description = "Haloes simulated per (log10 M, z) node.", DefaultValueFactory = _ => defaults.HaloesPerNode };
        var lowMass = new Option<int>("--low-mass-haloes-per-node") { Description = "Haloes per node below log10 M 13.85.", DefaultValueFactory = _ => defaults.LowMassHaloesPerNode };
        var output = new Option<string>("--out") { Description = "Calibration file to write.", DefaultValueFactory = _ => defaults.OutputPath };
        var command = new Command("calibrate-selection", "Simulate haloes on a (log10 M, z) grid, run them through phase-space and the CNN, and tabulate completeness and mass residuals.")
        {
            seed, perNode, lowMass, output,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, token) =>
        {
            var options = defaults with
            {
                Seed = parse.GetValue(seed),
                HaloesPerNode = parse.GetValue(perNode),
                LowMassHaloesPerNode = parse.GetValue(lowMass),
                OutputPath = parse.GetValue(output)!,
            };
            await SelectionCalibrationRun.RunAsync(options, [.. parse.UnmatchedTokens], Console.Out, token);
            return 0;
        });
        return command;
    }
}
