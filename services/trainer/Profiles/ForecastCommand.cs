using System.CommandLine;
using System.Globalization;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Training;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles forecast</c>: the Fisher forecast of an emulator (rank of its Jacobian, r per parameter at
/// given errors) without refitting it; <c>profiles emulate</c> stores the same forecast in the card it writes.
/// </summary>
internal static class ForecastCommand
{
    internal static Command Create()
    {
        var emulator = new Option<DirectoryInfo>("--emulator") { Description = "Emulator folder written by `profiles emulate`.", Required = true };
        var points = new Option<int>("--points") { Description = "Sobol points of the prior.", DefaultValueFactory = _ => EmulateCommand.ForecastPoints };
        var errors = new Option<string>("--errors") { Description = "Fractional errors per profile value, comma-separated.", DefaultValueFactory = _ => "0.01,0.1" };
        var command = new Command("forecast", "Fisher forecast of what an emulator's stacks can constrain: Jacobian rank and r per parameter.") { emulator, points, errors };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(emulator)!.FullName, parse.GetValue(points),
            [.. parse.GetValue(errors)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(e => double.Parse(e, CultureInfo.InvariantCulture))],
            Console.Out)));
        return command;
    }

    internal static int Run(string emulatorFolder, int points, IReadOnlyList<double> errors, TextWriter log)
    {
        var emulator = ProfileEmulator.FromModel(EmulatorModel.Load(emulatorFolder));
        var forecast = FisherForecast.Run(emulator, points, ProfileTrainingRecord.DesignMassMin, ProfileTrainingRecord.DesignMassMax, errors);
        log.WriteLine($"{"parameter",-40}" + string.Concat(forecast.Forecasts.Select(f => string.Create(CultureInfo.InvariantCulture, $"{$"r, {f.FractionalError:P0}",14}"))));
        for (int p = 0; p < forecast.ParameterNames.Count; p++)
        {
            log.WriteLine($"{forecast.ParameterNames[p],-40}" + string.Concat(forecast.Forecasts.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.R[p],14:F3}"))));
        }

        log.WriteLine($"profiles forecast: {Summary(forecast)}");
        return 0;
    }

    /// <summary>One line: the rank against the parameter count and the median forecast r per error.</summary>
    internal static string Summary(FisherForecastReport forecast) =>
        string.Create(CultureInfo.InvariantCulture, $"Jacobian rank {forecast.MedianRank} (range {forecast.MinRank}-{forecast.MaxRank}) for {forecast.ParameterNames.Count} parameters, {forecast.Components} principal components; ") +
        string.Join(", ", forecast.Forecasts.Select(f => string.Create(CultureInfo.InvariantCulture, $"median forecast r {MathNet.Numerics.Statistics.Statistics.Median(f.R):F3} at {f.FractionalError:P0} errors")));
}
