using System.CommandLine;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles calibrate-emulator</c>: whether an emulator states its uncertainty honestly (<see cref="EmulatorCalibration"/>),
/// without refitting it: cross-validated over held-out pairs of its own halos, which sets the variance inflation and the
/// heavy tails of the halo scatter it keeps in emulator.json, then checked on its test halos; both go into its card. <c>profiles emulate</c> does the same for the
/// emulators it fits.
/// </summary>
internal static class CalibrateEmulatorCommand
{
    internal static Command Create()
    {
        var emulator = new Option<DirectoryInfo>("--emulator") { Description = "Emulator folder written by `profiles emulate`.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "CAMELS-zoomGZ28 folder holding the emulator card's halos.", Required = true };
        var command = new Command("calibrate-emulator",
            "Mean z² and tails of the emulator's residuals by cross-validation (sets its variance inflation and heavy tails) and on its test halos; written to emulator.json and its card.") { emulator, data };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(emulator)!.FullName, parse.GetValue(data)!.FullName, Console.Out)));
        return command;
    }

    internal static int Run(string emulatorFolder, string dataFolder, TextWriter log)
    {
        var fitted = ProfileEmulator.FromModel(EmulatorModel.Load(emulatorFolder));
        var card = EmulatorCard.Load(emulatorFolder);
        var data = CamelsZoomDataset.Load(dataFolder);
        var (calibrated, crossValidated, test) = Calibrate(fitted, data, Rows(data, card.EmulatorZoomIds), Rows(data, card.TestZoomIds), card.Folds, card.Seed, log);
        calibrated.Model.Save(emulatorFolder);
        (card with { CrossValidationCalibration = crossValidated, UncertaintyCalibration = test }).Save(emulatorFolder, data.RadiiKpc);
        log.WriteLine($"profiles calibrate-emulator: {test[0].Halos} test halos; wrote {Path.Combine(emulatorFolder, EmulatorModel.FileName)} and {Path.Combine(emulatorFolder, EmulatorCard.FileName)}");
        return 0;
    }

    /// <summary>
    /// Cross-validates the stated uncertainty of <paramref name="fitted"/> on its own halos, keeps the resulting inflation
    /// and tails, and measures the calibrated emulator on the test halos; prints both.
    /// </summary>
    internal static (ProfileEmulator Calibrated, IReadOnlyList<UncertaintyCalibration> CrossValidated, IReadOnlyList<UncertaintyCalibration> Test) Calibrate(
        ProfileEmulator fitted, CamelsZoomDataset data, IReadOnlyList<int> emulatorRows, IReadOnlyList<int> testRows, int folds, int seed, TextWriter log)
    {
        var crossValidated = EmulatorCalibration.CrossValidated(fitted, data, emulatorRows, folds, seed);
        var calibrated = ProfileEmulator.FromModel(fitted.Model.Calibrated(crossValidated));
        var test = EmulatorCalibration.HeldOut(calibrated, data, testRows);
        log.WriteLine($"{"kind",-6} {"components",10} {"CV z2, noise",13} {"CV z2, + error",15} {"CV |z|<1",9} {"inflation",10} " +
            $"{"test z2, noise",15} {"test z2, + error",17} {"test |z|<1",11} {"test z2, inflated",18}");
        foreach (var (cv, held) in crossValidated.Zip(test))
        {
            double[] inflation = EmulatorCalibration.Inflation(cv);
            log.WriteLine($"{ProfileLayout.ShortName(cv.Kind),-6} {cv.NoiseOnly.Length,10} {cv.NoiseOnly.Average(),13:F2} {cv.WithEmulatorError.Average(),15:F2} {cv.WithinOneSigma!.Average(),9:F3} " +
                $"{inflation.Average(),10:F2} {held.NoiseOnly.Average(),15:F2} {held.WithEmulatorError.Average(),17:F2} {held.WithinOneSigma!.Average(),11:F3} {held.WithInflatedError!.Average(),18:F2}");
        }

        foreach (var (cv, held) in crossValidated.Zip(test))
        {
            log.WriteLine($"  tails {ProfileLayout.ShortName(cv.Kind),-5} CV nu {HaloTails.Describe(cv.TailDegreesOfFreedom)} (log L gain {cv.TailLogLikelihoodGain:F2}/halo); " +
                $"test halos nu {HaloTails.Describe(held.TailDegreesOfFreedom)}, gain at the CV nu {held.TailLogLikelihoodGain:F2}/halo");
        }

        foreach (var held in test)
        {
            log.WriteLine($"  test {ProfileLayout.ShortName(held.Kind),-5} largest: {string.Join(", ", held.LargestHalos!.Select(h => $"zoom_{h.ZoomId} {h.MeanZSquared:F1}"))}; " +
                $"mean z2 without them {held.WithoutLargestHalos:F2}");
        }

        log.WriteLine($"profiles calibrate-emulator: mean z2 over {folds} cross-validation folds ({emulatorRows.Count} halos) and {testRows.Count} test halos");
        return (calibrated, crossValidated, test);
    }

    private static int[] Rows(CamelsZoomDataset data, IReadOnlyList<int> zoomIds)
    {
        var wanted = zoomIds.ToHashSet();
        return [.. Enumerable.Range(0, data.Halos.Count).Where(r => wanted.Contains(data.Halos[r].ZoomId))];
    }
}
