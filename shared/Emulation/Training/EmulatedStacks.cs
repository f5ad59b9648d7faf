using StreamProcessor.Emulation.Sampling;

namespace StreamProcessor.Emulation.Training;

/// <summary>
/// Emulated stacks at Sobol points of the prior (28 parameters + log10 mass over a chosen range): the
/// training set of the profile network (reference sheet section 6). The emulator predicts the mean profile of
/// halos at those parameters, which is what a stack of many halos measures; with a <see cref="StackScatter"/>, one
/// draw of a stack of a given number of halos about that mean.
/// </summary>
/// <param name="UnitPoints">Emulator inputs in the unit cube, [stack][29] (the Sobol point, mass mapped to the emulator's range).</param>
/// <param name="Parameters">Physical parameter values, [stack][28].</param>
/// <param name="Log10Mass">log10 halo mass of each stack.</param>
/// <param name="Log10Profiles">Every kind of <see cref="ProfileEmulator.AllKinds"/>, kind-major, [stack][5 x bins].</param>
/// <param name="StackSizes">Halos in each stack when drawn with a <see cref="StackScatter"/>; null for mean profiles.</param>
public sealed record EmulatedStacks(double[][] UnitPoints, double[][] Parameters, double[] Log10Mass, double[][] Log10Profiles, int[]? StackSizes = null)
{
    /// <summary>Stacks emulated together: the predictive variances of a chunk share one pass over each Cholesky factor.</summary>
    private const int ChunkSize = 64;

    /// <summary>Number of stacks.</summary>
    public int Count => Log10Mass.Length;

    /// <summary>The first <paramref name="count"/> stacks.</summary>
    public EmulatedStacks First(int count) => new(UnitPoints[..count], Parameters[..count], Log10Mass[..count], Log10Profiles[..count], StackSizes?[..count]);

    /// <summary>
    /// Emulates <paramref name="count"/> stacks at Sobol points 0..count-1 (the origin kept: dropping it breaks the
    /// sequence's balance, Owen 2020, arXiv:2008.08051); deterministic, parallel over points.
    /// </summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="count">Number of stacks.</param>
    /// <param name="log10MassMin">Lower edge of the stacks' log10 mass; inside the emulator's range.</param>
    /// <param name="log10MassMax">Upper edge of the stacks' log10 mass; inside the emulator's range.</param>
    /// <param name="progress">Told every 5,000 stacks.</param>
    /// <param name="scatter">Null: every stack is the emulated mean profile. Else each stack is one draw of a finite stack
    /// of halos about that mean (<see cref="ProfileEmulator.PredictLog10(ReadOnlySpan{double}, Span{double}, Random?, int, ReadOnlySpan{double})"/>),
    /// seeded per stack, so a stack's draw depends neither on the thread count nor on how many stacks are made.</param>
    public static EmulatedStacks Generate(
        ProfileEmulator emulator, int count, double log10MassMin, double log10MassMax, IProgress<int>? progress = null, StackScatter? scatter = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        if (log10MassMin >= log10MassMax || log10MassMin < emulator.Model.Log10MassMin || log10MassMax > emulator.Model.Log10MassMax)
        {
            throw new ArgumentOutOfRangeException(nameof(log10MassMin),
                $"Mass range [{log10MassMin}, {log10MassMax}] must be increasing and inside the emulator's [{emulator.Model.Log10MassMin:F2}, {emulator.Model.Log10MassMax:F2}].");
        }

        var model = emulator.Model;
        int dimensions = model.Parameters.Count + 1;
        var sobol = new SobolSequence(dimensions);
        double[][] unit = [.. Enumerable.Range(0, count).Select(i => sobol.Point(i))];
        double[][] parameters = [.. unit.Select(u => model.Parameters.Select((p, d) => p.FromUnit(u[d])).ToArray())];
        double[] mass = [.. unit.Select(u => log10MassMin + (u[^1] * (log10MassMax - log10MassMin)))];
        foreach (var (u, m) in unit.Zip(mass))
        {
            u[^1] = (m - model.Log10MassMin) / (model.Log10MassMax - model.Log10MassMin);
        }

        var profiles = new double[count][];
        int[]? sizes = scatter is null ? null : new int[count];
        int done = 0;
        int chunks = (count + ChunkSize - 1) / ChunkSize;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, chunk =>
        {
            int first = chunk * ChunkSize;
            int size = Math.Min(ChunkSize, count - first);
            double[][]? variances = scatter is { EmulatorError: true } ? emulator.EmulatorVariances(unit[first..(first + size)]) : null;
            for (int j = 0; j < size; j++)
            {
                int i = first + j;
                profiles[i] = new double[ProfileEmulator.AllKinds.Count * emulator.Bins];
                var random = scatter?.RandomFor(i);
                int halos = scatter is null ? 0 : scatter.HalosFor(random!);
                if (sizes is not null) sizes[i] = halos;
                emulator.PredictLog10(unit[i], profiles[i], random, halos, variances is null ? default : variances[j]);
            }

            int before = Interlocked.Add(ref done, size) - size;
            if ((before + size) / 5000 > before / 5000)
            {
                progress?.Report((before + size) / 5000 * 5000);
            }
        });

        return new EmulatedStacks(unit, parameters, mass, profiles, sizes);
    }
}
