using System.CommandLine;
using System.Diagnostics;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Emulation.Training;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles emulate</c>: splits CAMELS-zoomGZ28 by pair (70/15/15), fits the CARPool GP emulator and a plain
/// GP on the train + validation pairs, cross-validates both over held-out pairs and on the test pairs, and writes
/// emulator.json + card.json + card.md.
/// </summary>
internal static class EmulateCommand
{
    public const double TrainFraction = 0.70;
    public const double ValidationFraction = 0.15;
    public const int Folds = 5;

    /// <summary>Sobol points of the Fisher forecast (stored in the card).</summary>
    public const int ForecastPoints = 256;

    /// <summary>Fractional errors per profile value of the forecast: a deep stack and the noisiest variant's scale.</summary>
    public static readonly IReadOnlyList<double> ForecastErrors = [0.01, 0.1];

    internal static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "CAMELS-zoomGZ28 folder (../shared/data/camels-zoomgz28).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Emulator folder to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seeds the pair split and the folds.", DefaultValueFactory = _ => 2403 };
        var iterations = new Option<int>("--iterations") { Description = "L-BFGS iterations per kind.", DefaultValueFactory = _ => 80 };
        var components = new Option<int>("--components") { Description = "Most principal components per kind (the 99.5 % variance criterion decides below it).", DefaultValueFactory = _ => new EmulatorFitOptions().MaxComponents };
        var halos = new Option<int?>("--halos") { Description = "Use only the first N halos by zoom id (quick runs)." };
        var command = new Command("emulate", "Fit and validate the Gaussian-process emulator of the profiles.") { data, output, seed, iterations, components, halos };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(data)!.FullName, parse.GetValue(output)!.FullName, parse.GetValue(seed),
            new EmulatorFitOptions { MaxIterations = parse.GetValue(iterations), MaxComponents = parse.GetValue(components) },
            Console.Out, parse.GetValue(halos))));
        return command;
    }

    internal static int Run(string dataFolder, string outputFolder, int seed, EmulatorFitOptions options, TextWriter log, int? halos = null)
    {
        var clock = Stopwatch.StartNew();
        var data = CamelsZoomDataset.Load(dataFolder);
        var split = PairSplit.Create(halos is { } limit ? data.Halos.Take(limit).ToList() : data.Halos, TrainFraction, ValidationFraction, seed);
        int[] emulatorRows = [.. split.Train.Concat(split.Validation).Order()];
        log.WriteLine($"emulate: {data.Halos.Count} halos ({data.Halos.Select(h => h.Seed).Distinct().Count()} seeds), {data.RepairedBins} bins interpolated; " +
            $"emulator on {emulatorRows.Length}, test {split.Test.Length} halos");
        var progress = new Progress<string>(log.WriteLine);
        var fitted = ProfileEmulator.Fit(data, emulatorRows, options with { CarPool = true }, progress);
        var plain = ProfileEmulator.Fit(data, emulatorRows, options with { CarPool = false }, progress);
        log.WriteLine($"emulate: fits done after {clock.Elapsed.TotalSeconds:F0} s; cross-validating ({Folds} folds over pairs)");
        var (shipped, crossValidatedCalibration, testCalibration) = CalibrateEmulatorCommand.Calibrate(fitted, data, emulatorRows, split.Test, Folds, seed, log);
        var forecast = FisherForecast.Run(shipped, ForecastPoints, ProfileTrainingRecord.DesignMassMin, ProfileTrainingRecord.DesignMassMax, ForecastErrors);
        var card = new EmulatorCard
        {
            Name = "camels-zoomgz28-profile-emulator",
            CodeVersion = ModelBundle.CodeVersion,
            CreatedUtc = DateTimeOffset.UtcNow,
            TrainingData = $"CAMELS-zoomGZ28 profiles ({data.Halos.Count} halos; Lee et al. 2024, arXiv:2403.10609; Maxelee/CARPoolGP d51b980)",
            Seed = seed,
            FitOptions = options with { CarPool = true },
            EmulatorZoomIds = [.. emulatorRows.Select(r => data.Halos[r].ZoomId)],
            ValidationZoomIds = [.. split.Validation.Select(r => data.Halos[r].ZoomId)],
            TestZoomIds = [.. split.Test.Select(r => data.Halos[r].ZoomId)],
            Hyperparameters = shipped.Model.Kinds.ToDictionary(k => ProfileLayout.ShortName(k.Kind), k => k.Hyperparameters),
            ExplainedVariance = shipped.Model.Kinds.ToDictionary(k => ProfileLayout.ShortName(k.Kind), k => k.Basis.ExplainedVariance.Sum()),
            Folds = Folds,
            CrossValidation = EmulatorValidation.CrossValidate(shipped, data, emulatorRows, Folds, seed),
            CrossValidationPlain = EmulatorValidation.CrossValidate(plain, data, emulatorRows, Folds, seed),
            Test = EmulatorValidation.HeldOut(shipped, data, split.Test),
            TestPlain = EmulatorValidation.HeldOut(plain, data, split.Test),
            Forecast = forecast,
            UncertaintyCalibration = testCalibration,
            CrossValidationCalibration = crossValidatedCalibration,
            Seconds = clock.Elapsed.TotalSeconds,
        };
        shipped.Model.Save(outputFolder);
        card.Save(outputFolder, data.RadiiKpc);
        log.WriteLine($"emulate: {ForecastCommand.Summary(forecast)}");
        foreach (var (errors, plainErrors) in card.CrossValidation.Zip(card.CrossValidationPlain))
        {
            log.WriteLine($"  {ProfileLayout.ShortName(errors.Kind),-5} CV median error {errors.MedianPercent.Average(),6:F1} % (plain GP {plainErrors.MedianPercent.Average():F1} %)");
        }

        log.WriteLine($"emulate: wrote {outputFolder} in {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }
}
