using StreamProcessor.Contracts.Messages;
using StreamProcessor.Dynamics;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>
/// Demo stacked profiles in the units the profile model was trained on: the shipped emulator's mean profiles (every
/// kind, on the CAMELS radial grid in h^-1 Mpc) at random points of the 28-parameter prior and of the suite's design
/// mass range, with a fractional Gaussian error per value as a measurement leaves; with <c>finiteStacks</c>, each is
/// first one draw of a stack of <c>stackedObjects</c> halos about the mean, with the emulator's halo-to-halo scatter and
/// its own predictive uncertainty (what a real stack differs by from the emulated mean). Each carries its true parameters
/// (in the inferred space: log10 for log-sampled ones) for the demo's comparison. Deterministic in (seed, index).
/// </summary>
public static class EmulatedProfileStacks
{
    /// <summary>One demo stack and the parameters it was emulated at.</summary>
    /// <param name="Profile">The message.</param>
    /// <param name="TrueValues">True value of every inferred parameter, in the emulator's parameter order.</param>
    public sealed record Stack(StackedProfile Profile, double[] TrueValues);

    /// <summary>
    /// <paramref name="count"/> stacks with ids "&lt;survey&gt;-stack-000000", ...; masses uniform in
    /// [<paramref name="log10MassMin"/>, <paramref name="log10MassMax"/>], parameters uniform over the prior (uniform in
    /// log10 where the design samples in log).
    /// </summary>
    public static IReadOnlyList<Stack> Generate(
        ProfileEmulator emulator, int count, ulong seed, double noiseFraction, double log10MassMin = 13.0, double log10MassMax = 14.5,
        string survey = "camels-demo", int stackedObjects = 50, bool finiteStacks = false)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var model = emulator.Model;
        double[] radii = [.. model.RadiiKpc.Select(ProfileFeatures.KpcToMpcOverH)];
        var stacks = new Stack[count];
        // The draws of stack i come from its own generator, in order: parameters, mass, scatter, errors.
        var randoms = new SeededRandom[count];
        var parameters = new double[count][];
        var masses = new double[count];
        var units = new double[count][];
        Parallel.For(0, count, i =>
        {
            var random = randoms[i] = SeededRandom.ForStream(seed, (ulong)i);
            parameters[i] = [.. model.Parameters.Select(p => p.FromUnit(random.NextDouble()))];
            masses[i] = log10MassMin + (random.NextDouble() * (log10MassMax - log10MassMin));
            units[i] = emulator.UnitInputs(parameters[i], masses[i]);
        });

        // Predictive variances of all stacks in one pass over each Cholesky factor.
        double[][]? variances = finiteStacks ? emulator.EmulatorVariances(units) : null;
        Parallel.For(0, count, i =>
        {
            var random = randoms[i];
            double log10Mass = masses[i];
            var log10 = new double[ProfileEmulator.AllKinds.Count * emulator.Bins];
            if (variances is not null)
            {
                emulator.PredictLog10(units[i], log10, random, stackedObjects, variances[i]);
            }
            else
            {
                emulator.PredictLog10(units[i], log10);
            }

            double[] Kind(ProfileKind kind) => [.. Enumerable.Range(0, emulator.Bins).Select(b =>
                Math.Pow(10, log10[(ProfileEmulator.IndexOf(kind) * emulator.Bins) + b]) * Math.Exp(noiseFraction * random.NextGaussian()))];
            var profile = new StackedProfile
            {
                ProfileId = $"{survey}-stack-{i:D6}",
                Survey = survey,
                Redshift = 0.0,
                StackedObjects = stackedObjects,
                RadiiMpcOverH = radii,
                GasDensityCm3 = Kind(ProfileKind.GasDensity),
                GasTemperatureKev = Kind(ProfileKind.GasTemperature),
                GasMetallicityZsun = Kind(ProfileKind.GasMetallicity),
                XraySurfaceBrightnessRelative = Kind(ProfileKind.XraySurfaceBrightness),
                ComptonY = Kind(ProfileKind.ComptonY),
                Log10HaloMass = log10Mass,
            };
            stacks[i] = new Stack(profile, [.. model.Parameters.Select((p, k) => p.InferredValue(parameters[i][k]))]);
        });

        return stacks;
    }
}
