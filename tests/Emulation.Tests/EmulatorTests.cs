using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Emulation.Training;

namespace StreamProcessor.Emulation.Tests;

public sealed class EmulatorTests
{
    private static readonly EmulatorFitOptions Quick = new() { MaxComponents = 2, MaxIterations = 15 };

    [Fact]
    public void A_saved_emulator_reloads_with_identical_predictions_and_emulates_stacks()
    {
        var data = CamelsData.Dataset;
        int[] rows = [.. Enumerable.Range(0, 60)];
        var emulator = ProfileEmulator.Fit(data, rows, Quick);
        string folder = Path.Combine(Path.GetTempPath(), "emulator-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            emulator.Model.Save(folder);
            var reloaded = ProfileEmulator.FromModel(EmulatorModel.Load(folder));
            var halo = data.Halos[100];
            var a = new double[5 * 30];
            var b = new double[5 * 30];
            emulator.PredictLog10(emulator.UnitInputs(halo.Parameters, halo.Log10HaloMass), a);
            reloaded.PredictLog10(reloaded.UnitInputs(halo.Parameters, halo.Log10HaloMass), b);
            Assert.Equal(a, b);
            Assert.All(a, v => Assert.True(double.IsFinite(v)));

            var stacks = EmulatedStacks.Generate(reloaded, 64, 13.2, 13.8);
            Assert.Equal(64, stacks.Count);
            Assert.All(stacks.Parameters, p => Assert.InRange(p[0], 0.1, 0.5));
            Assert.All(stacks.Log10Mass, m => Assert.InRange(m, 13.2, 13.8));
            Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedStacks.Generate(reloaded, 4, 9.0, 13.0));
            Assert.Equal(stacks.Log10Profiles[5], EmulatedStacks.Generate(reloaded, 64, 13.2, 13.8).Log10Profiles[5]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_emulator_beats_the_mean_profile_on_held_out_pairs()
    {
        // Density profiles depend mostly on halo mass; even a quick emulator must beat predicting the mean profile.
        var data = CamelsData.Dataset;
        var split = PairSplit.Create(data.Halos, 0.7, 0.15, seed: 3);
        int[] train = [.. split.Train.Take(200)];
        var emulator = ProfileEmulator.Fit(data, train, Quick);
        var errors = EmulatorValidation.HeldOut(emulator, data, split.Test).Single(e => e.Kind == ProfileKind.GasDensity);
        double[] meanProfile = [.. Enumerable.Range(0, 30).Select(b => train.Average(r => data.Halos[r].Log10Profiles[ProfileKind.GasDensity][b]))];
        double meanRms = Math.Sqrt(split.Test.SelectMany(r => data.Halos[r].Log10Profiles[ProfileKind.GasDensity].Select((v, b) => Math.Pow(v - meanProfile[b], 2))).Average());
        double emulatorRms = Math.Sqrt(errors.RmsDex.Average(x => x * x));
        Assert.True(emulatorRms < 0.8 * meanRms, $"emulator rms {emulatorRms:F3} dex vs mean profile {meanRms:F3} dex");

        var cv = EmulatorValidation.CrossValidate(emulator, data, train, 4, seed: 5);
        Assert.Equal(5, cv.Count);
        Assert.All(cv, e => Assert.All(e.MedianPercent, v => Assert.True(double.IsFinite(v) && v >= 0)));
    }
}
