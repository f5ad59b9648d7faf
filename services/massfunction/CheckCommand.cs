using System.CommandLine;
using Microsoft.Extensions.Logging;
using StreamProcessor.MassFunctionAggregation.Check;

namespace StreamProcessor.MassFunctionService;

/// <summary><c>massfunction check --cosmology planck18|alt</c>: exit code 0 when every criterion holds, 1 otherwise.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var defaults = new MassFunctionCheckOptions();
        var cosmology = new Option<string>("--cosmology")
        {
            Description = "Universe of the mock: planck18 (Omega_m 0.3111, sigma8 0.8102) or alt (Omega_m 0.25, sigma8 0.9).",
            DefaultValueFactory = _ => "planck18",
        };
        cosmology.AcceptOnlyFromAmong("planck18", "alt");
        var seed = new Option<int>("--seed") { Description = "Seed of the light cone (the observation uses seed + 1000).", DefaultValueFactory = _ => defaults.Seed };
        var skyArea = new Option<double>("--sky-area") { Description = "Sky area of the mock survey, deg2.", DefaultValueFactory = _ => defaults.SkyAreaDeg2 };
        var sigma = new Option<double>("--posterior-sigma")
        {
            Description = "Posterior 1-sigma of log10 M, dex; default 0.13, the CNN-2D scatter of Ho et al. 2019 (arXiv:1902.05950).",
            DefaultValueFactory = _ => defaults.PosteriorSigmaDex,
        };
        var output = new Option<string>("--out") { Description = "Folder for the CSV and JSON of the final updates.", DefaultValueFactory = _ => "massfunction-check" };
        var skipRestart = new Option<bool>("--skip-restart") { Description = "Do not restart the service to time the rebuild from the topic." };
        var verbose = new Option<bool>("--verbose") { Description = "Show the service's log." };

        var command = new Command("check", "End-to-end science check: mock light cone -> posteriors.mass on an embedded broker -> massfunction service -> checks on the massfunction topic.")
        {
            cosmology, seed, skyArea, sigma, output, skipRestart, verbose,
        };
        command.SetAction(async (parse, token) =>
        {
            using var logging = LoggerFactory.Create(b => b
                .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
                .SetMinimumLevel(parse.GetValue(verbose) ? LogLevel.Information : LogLevel.Warning));
            var options = defaults with
            {
                Cosmology = parse.GetValue(cosmology) == "alt" ? CheckCosmology.Alt : CheckCosmology.Planck18,
                Seed = parse.GetValue(seed),
                SkyAreaDeg2 = parse.GetValue(skyArea),
                PosteriorSigmaDex = parse.GetValue(sigma),
                OutputFolder = parse.GetValue(output),
                MeasureRebuild = !parse.GetValue(skipRestart),
            };
            MassFunctionCheckResult result = await MassFunctionCheck.RunAsync(options, Console.Out, logging, token);
            return result.Passed ? 0 : 1;
        });
        return command;
    }
}
