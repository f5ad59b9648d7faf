using StreamProcessor.Emulation.Gp;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Emulation.Training;

namespace StreamProcessor.Emulation.Tests.Training;

public sealed class StackScatterTests
{
    private static readonly Lazy<ProfileEmulator> Emulator = new(() =>
        ProfileEmulator.Fit(CamelsData.Dataset, [.. Enumerable.Range(0, 60)], new EmulatorFitOptions { MaxComponents = 2, MaxIterations = 15 }));

    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public void A_stack_of_n_halos_scatters_about_the_mean_by_the_fitted_halo_variance_over_n(int halos, bool emulatorError)
    {
        var emulator = Emulator.Value;
        var halo = CamelsData.Dataset.Halos[100];
        var unit = emulator.UnitInputs(halo.Parameters, halo.Log10HaloMass);
        var mean = new double[5 * emulator.Bins];
        emulator.PredictLog10(unit, mean);
        var kind = emulator.Model.Kinds.Single(k => k.Kind == ProfileKind.GasDensity);
        const int bin = 10;
        int index = (ProfileEmulator.IndexOf(ProfileKind.GasDensity) * emulator.Bins) + bin;
        // The coefficients are independent Gaussians, so the variance of one bin is the sum over components of
        // (coefficient std x component weight)^2 x (sigma_n^2 / N, plus the GP's predictive variance with the emulator's error).
        var model = emulator.Model;
        double Predictive(int c) => emulatorError
            ? GaussianProcess.Condition(model.TrainingInputs, [kind.StandardisedCoefficients[c]], model.Partner, kind.Hyperparameters[c]).PredictVariance(unit)
            : 0;
        double[] variances = emulatorError ? emulator.EmulatorVariances([unit, [.. unit.Select(u => 1 - u)]])[0] : [];
        double expected = Enumerable.Range(0, kind.CoefficientMean.Length)
            .Sum(c => Math.Pow(kind.CoefficientStd[c] * kind.Basis.Components[c][bin], 2) * ((kind.Hyperparameters[c].NoiseVariance / halos) + Predictive(c)));

        const int draws = 4000;
        var random = new Random(7);
        var values = new double[draws];
        var profile = new double[mean.Length];
        for (int i = 0; i < draws; i++)
        {
            emulator.PredictLog10(unit, profile, random, halos, variances);
            Assert.All(profile, v => Assert.True(double.IsFinite(v)));
            values[i] = profile[index];
        }

        double sampleMean = values.Average();
        double sampleVariance = values.Sum(v => Math.Pow(v - sampleMean, 2)) / (draws - 1);
        Assert.True(expected > 1e-6, $"the fitted scatter of n_gas bin {bin} is {expected:G3} dex^2");
        // Standard errors at 4,000 draws: the mean to sqrt(var/4000), the variance to sqrt(2/4000) = 2.2 %.
        Assert.InRange(sampleMean - mean[index], -5 * Math.Sqrt(expected / draws), 5 * Math.Sqrt(expected / draws));
        Assert.InRange(sampleVariance / expected, 0.9, 1.1);
    }

    [Fact]
    public void Scattered_stacks_are_seeded_per_stack_and_leave_the_mean_stacks_unchanged()
    {
        var emulator = Emulator.Value;
        var plain = EmulatedStacks.Generate(emulator, 64, 13.2, 13.8);
        var single = EmulatedStacks.Generate(emulator, 64, 13.2, 13.8, scatter: new StackScatter(1, 11));
        var fewer = EmulatedStacks.Generate(emulator, 10, 13.2, 13.8, scatter: new StackScatter(1, 11));
        var many = EmulatedStacks.Generate(emulator, 64, 13.2, 13.8, scatter: new StackScatter(100, 11));

        Assert.Equal(plain.Log10Profiles[5], EmulatedStacks.Generate(emulator, 64, 13.2, 13.8).Log10Profiles[5]);
        Assert.Equal(plain.Parameters[5], single.Parameters[5]);
        Assert.Equal(single.Log10Profiles[5], fewer.Log10Profiles[5]);
        Assert.NotEqual(plain.Log10Profiles[5], single.Log10Profiles[5]);
        double Rms(EmulatedStacks s) => Math.Sqrt(s.Log10Profiles.Zip(plain.Log10Profiles).SelectMany(p => p.First.Zip(p.Second, (a, b) => (a - b) * (a - b))).Average());
        Assert.True(Rms(many) < 0.2 * Rms(single), $"rms about the mean: 100 halos {Rms(many):G3}, one halo {Rms(single):G3} dex");
        Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedStacks.Generate(emulator, 4, 13.2, 13.8, scatter: new StackScatter(0, 11)));

        // With the emulator's error the variances are computed 64 stacks at a time: a stack's draw must not depend on
        // which other stacks share its chunk.
        var wide = EmulatedStacks.Generate(emulator, 100, 13.2, 13.8, scatter: new StackScatter(1, 11, EmulatorError: true));
        var narrow = EmulatedStacks.Generate(emulator, 70, 13.2, 13.8, scatter: new StackScatter(1, 11, EmulatorError: true));
        Assert.Equal(wide.Log10Profiles[65], narrow.Log10Profiles[65]);
        Assert.NotEqual(single.Log10Profiles[5], wide.Log10Profiles[5]);
    }
}
