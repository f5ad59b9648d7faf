using StreamProcessor.Emulation.Sampling;

namespace StreamProcessor.Emulation.Training;

/// <summary>
/// Emulated stacks at Sobol points of the prior (28 parameters + log10 mass over the emulator's range): the
/// training set of the profile network (reference sheet section 6). The emulator predicts the mean profile of
/// halos at those parameters, which is what a stack of many halos measures.
/// </summary>
/// <param name="UnitPoints">Sobol points in the unit cube, [stack][29].</param>
/// <param name="Parameters">Physical parameter values, [stack][28].</param>
/// <param name="Log10Mass">log10 halo mass of each stack.</param>
/// <param name="Log10Profiles">Every kind of <see cref="ProfileEmulator.AllKinds"/>, kind-major, [stack][5 x bins].</param>
public sealed record EmulatedStacks(double[][] UnitPoints, double[][] Parameters, double[] Log10Mass, double[][] Log10Profiles)
{
    /// <summary>Number of stacks.</summary>
    public int Count => Log10Mass.Length;

    /// <summary>
    /// Emulates <paramref name="count"/> stacks at Sobol points 0..count-1 (the origin kept: dropping it breaks the
    /// sequence's balance, Owen 2020, arXiv:2008.08051); deterministic, parallel over points.
    /// </summary>
    public static EmulatedStacks Generate(ProfileEmulator emulator, int count, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var model = emulator.Model;
        int dimensions = model.Parameters.Count + 1;
        var sobol = new SobolSequence(dimensions);
        double[][] unit = [.. Enumerable.Range(0, count).Select(i => sobol.Point(i))];
        double[][] parameters = [.. unit.Select(u => model.Parameters.Select((p, d) => p.FromUnit(u[d])).ToArray())];
        double[] mass = [.. unit.Select(u => model.Log10MassMin + (u[^1] * (model.Log10MassMax - model.Log10MassMin)))];
        var profiles = new double[count][];
        int done = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            profiles[i] = new double[ProfileEmulator.AllKinds.Count * emulator.Bins];
            emulator.PredictLog10(unit[i], profiles[i]);
            int finished = Interlocked.Increment(ref done);
            if (finished % 5000 == 0)
            {
                progress?.Report(finished);
            }
        });

        return new EmulatedStacks(unit, parameters, mass, profiles);
    }
}
