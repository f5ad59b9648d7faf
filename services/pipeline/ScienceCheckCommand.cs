using System.CommandLine;
using StreamProcessor.MassFunctionAggregation.Check;
using StreamProcessor.PipelineHost.Science;

namespace StreamProcessor.Pipeline;

/// <summary><c>pipeline science-check --cosmology planck18|alt</c>: exit code 0 when every criterion holds, 1 otherwise.</summary>
internal static class ScienceCheckCommand
{
    public static Command Create()
    {
        var defaults = new ScienceCheckOptions();
        var cosmology = new Option<string>("--cosmology")
        {
            Description = "Universe of the mock: planck18 (Omega_m 0.3111, sigma8 0.8102) or alt (Omega_m 0.25, sigma8 0.9).",
            DefaultValueFactory = _ => "planck18",
        };
        cosmology.AcceptOnlyFromAmong("planck18", "alt");
        var seed = new Option<int>("--seed") { Description = "Light-cone seed (member catalogues use seed + 1000).", DefaultValueFactory = _ => defaults.Seed };
        var skyArea = new Option<double>("--sky-area") { Description = "Sky area of the mock survey, deg2.", DefaultValueFactory = _ => defaults.SkyAreaDeg2 };
        var calibration = new Option<string>("--calibration") { Description = "Selection calibration file (pipeline calibrate-selection).", DefaultValueFactory = _ => defaults.CalibrationPath };
        var uncalibrated = new Option<bool>("--no-mass-calibration")
        {
            Description = "Ablation: forward model with an unbiased log-normal of the posterior widths instead of the calibrated mass-observable relation.",
        };
        var output = new Option<string>("--out") { Description = "Folder for the CSV, JSON and PNG files.", DefaultValueFactory = _ => "artifacts/science-check" };
        var command = new Command("science-check", "End-to-end science check with full physics: Tinker+08 light cone -> member catalogues -> phase-space -> CNN -> massfunction, checked against the truth.")
        {
            cosmology, seed, skyArea, calibration, uncalibrated, output,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, token) =>
        {
            var options = defaults with
            {
                Cosmology = parse.GetValue(cosmology) == "alt" ? CheckCosmology.Alt : CheckCosmology.Planck18,
                Seed = parse.GetValue(seed),
                SkyAreaDeg2 = parse.GetValue(skyArea),
                CalibrationPath = parse.GetValue(calibration)!,
                OutputFolder = parse.GetValue(output),
                UseCalibratedMassObservable = !parse.GetValue(uncalibrated),
            };
            ScienceCheckResult result = await ScienceCheck.RunAsync(options, [.. parse.UnmatchedTokens], Console.Out, token);
            return result.Passed ? 0 : 1;
        });
        return command;
    }
}
