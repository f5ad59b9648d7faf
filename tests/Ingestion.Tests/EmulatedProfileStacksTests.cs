using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Ingestion.Demo;

namespace StreamProcessor.Ingestion.Tests;

/// <summary>Demo stacks: the emulator's mean profiles, or finite stacks drawn about them.</summary>
public sealed class EmulatedProfileStacksTests
{
    private static readonly Lazy<ProfileEmulator> Emulator = new(() =>
    {
        var data = CamelsZoomDataset.Load(Path.Combine(RepoRoot(), "..", "shared", "data", "camels-zoomgz28"));
        return ProfileEmulator.Fit(data, [.. Enumerable.Range(0, 60)], new EmulatorFitOptions { MaxComponents = 2, MaxIterations = 10 });
    });

    [Fact]
    public void Finite_stacks_scatter_about_the_mean_less_as_they_grow_and_keep_their_truth_and_size()
    {
        var mean = EmulatedProfileStacks.Generate(Emulator.Value, 40, seed: 3, noiseFraction: 0);
        var single = EmulatedProfileStacks.Generate(Emulator.Value, 40, seed: 3, noiseFraction: 0, stackedObjects: 1, finiteStacks: true);
        var large = EmulatedProfileStacks.Generate(Emulator.Value, 40, seed: 3, noiseFraction: 0, stackedObjects: 1000, finiteStacks: true);
        double Rms(IReadOnlyList<EmulatedProfileStacks.Stack> stacks) => Math.Sqrt(stacks.Zip(mean)
            .SelectMany(p => p.First.Profile.GasTemperatureKev!.Zip(p.Second.Profile.GasTemperatureKev!, (a, b) => Math.Pow(Math.Log10(a / b), 2))).Average());

        Assert.Equal(mean[7].TrueValues, single[7].TrueValues);
        Assert.Equal((1, 1000), (single[0].Profile.StackedObjects, large[0].Profile.StackedObjects));
        Assert.Equal(single[7].Profile.GasDensityCm3, EmulatedProfileStacks.Generate(Emulator.Value, 40, seed: 3, noiseFraction: 0, stackedObjects: 1, finiteStacks: true)[7].Profile.GasDensityCm3);
        // The halo scatter averages down with the stack; the emulator's own error does not, so a large stack still strays.
        Assert.True(Rms(large) < Rms(single), $"rms about the mean in T_gas: 1000 halos {Rms(large):G3}, one halo {Rms(single):G3} dex");
        Assert.True(Rms(large) > 0.01, $"1000 halos: {Rms(large):G3} dex");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }
}
