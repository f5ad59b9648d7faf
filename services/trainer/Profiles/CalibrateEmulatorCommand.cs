using System.CommandLine;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles calibrate-emulator</c>: whether an emulator states its uncertainty honestly on its test halos
/// (<see cref="EmulatorCalibration"/>), without refitting it; the result goes into its card. <c>profiles emulate</c>
/// computes the same for the emulators it fits.
/// </summary>
internal static class CalibrateEmulatorCommand
{
    internal static Command Create()
    {
        var emulator = new Option<DirectoryInfo>("--emulator") { Description = "Emulator folder written by `profiles emulate`.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "CAMELS-zoomGZ28 folder holding the emulator card's test halos.", Required = true };
        var command = new Command("calibrate-emulator", "Mean z² of the emulator's coefficients on its test halos, with and without its predictive variance; written to its card.") { emulator, data };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(emulator)!.FullName, parse.GetValue(data)!.FullName, Console.Out)));
        return command;
    }

    internal static int Run(string emulatorFolder, string dataFolder, TextWriter log)
    {
        var emulator = ProfileEmulator.FromModel(EmulatorModel.Load(emulatorFolder));
        var card = EmulatorCard.Load(emulatorFolder);
        var data = CamelsZoomDataset.Load(dataFolder);
        var zoomIds = card.TestZoomIds.ToHashSet();
        int[] rows = [.. Enumerable.Range(0, data.Halos.Count).Where(r => zoomIds.Contains(data.Halos[r].ZoomId))];
        var calibration = EmulatorCalibration.HeldOut(emulator, data, rows);
        log.WriteLine($"{"kind",-6} {"components",10} {"mean z2, noise only",22} {"mean z2, + emulator error",26}");
        foreach (var kind in calibration)
        {
            log.WriteLine($"{ProfileLayout.ShortName(kind.Kind),-6} {kind.NoiseOnly.Length,10} {kind.NoiseOnly.Average(),22:F2} {kind.WithEmulatorError.Average(),26:F2}");
        }

        (card with { UncertaintyCalibration = calibration }).Save(emulatorFolder, data.RadiiKpc);
        log.WriteLine($"profiles calibrate-emulator: {rows.Length} test halos; wrote {Path.Combine(emulatorFolder, EmulatorCard.FileName)}");
        return 0;
    }
}
