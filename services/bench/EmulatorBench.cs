using System.Diagnostics;
using StreamProcessor.Emulation;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Bench;

/// <summary>The profile emulator's speed: full predictions (every kind, Compton-y derived) per second on one thread and on every core.</summary>
internal static class EmulatorBench
{
    private const int Points = 2000;

    /// <summary>The emulator at <paramref name="path"/>, or null when there is none (the bench then says so).</summary>
    public static ProfileEmulator? TryLoad(string path)
    {
        try
        {
            return ProfileEmulator.FromModel(EmulatorModel.Load(ModelFolder.Resolve(path)));
        }
        catch (FileNotFoundException)
        {
            Console.WriteLine($"bench profiles: no emulator at '{path}': β-model demo profiles are the load and the emulator is not timed");
            return null;
        }
    }

    public static void Report(ProfileEmulator emulator, TextWriter output)
    {
        var random = new Random(1);
        double[][] inputs = [.. Enumerable.Range(0, Points).Select(_ => Enumerable.Range(0, emulator.Model.Parameters.Count + 1).Select(_ => random.NextDouble()).ToArray())];
        var destination = new double[ProfileEmulator.AllKinds.Count * emulator.Bins];
        emulator.PredictLog10(inputs[0], destination); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        foreach (var input in inputs)
        {
            emulator.PredictLog10(input, destination);
        }

        double single = Points / clock.Elapsed.TotalSeconds;
        clock.Restart();
        Parallel.ForEach(inputs, () => new double[destination.Length], (input, _, buffer) =>
        {
            emulator.PredictLog10(input, buffer);
            return buffer;
        }, _ => { });
        double parallel = Points / clock.Elapsed.TotalSeconds;
        int processes = emulator.Model.Kinds.Sum(k => k.Hyperparameters.Length);
        output.WriteLine($"emulator ({processes} GPs over {emulator.Model.TrainingInputs.Length} halos, 5 kinds x {emulator.Bins} radii): " +
            $"{single,8:F0} predictions/s on 1 thread, {parallel,8:F0} on {Environment.ProcessorCount} cores ({Points} points)");
    }
}
