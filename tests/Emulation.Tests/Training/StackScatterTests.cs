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

    [Fact]
    public void Stack_sizes_are_drawn_log_uniform_over_the_range_and_a_fixed_size_draws_nothing()
    {
        var varying = new StackScatter(1, 5, MaxHalosPerStack: 1000);
        var random = new Random(2);
        int[] sizes = [.. Enumerable.Range(0, 30_000).Select(_ => varying.HalosFor(random))];

        Assert.True(varying.VariesStackSize);
        Assert.InRange(sizes.Min(), 1, 1);
        Assert.InRange(sizes.Max(), 900, 1000);
        // Log-uniform over 1..1001: each decade holds ln 10 / ln 1001 = 1/3 of the stacks, a single halo ln 2 / ln 1001 = 10 %.
        double Share(Func<int, bool> inside) => sizes.Count(inside) / (double)sizes.Length;
        Assert.InRange(Share(n => n < 10), 0.32, 0.35);
        Assert.InRange(Share(n => n is >= 100 and <= 1000), 0.32, 0.35);
        Assert.InRange(Share(n => n == 1), 0.09, 0.11);

        var fixedSize = new StackScatter(4, 5);
        var untouched = new Random(9);
        Assert.False(fixedSize.VariesStackSize);
        Assert.Equal(4, fixedSize.HalosFor(untouched));
        Assert.Equal(new Random(9).Next(), untouched.Next());
        Assert.Throws<ArgumentOutOfRangeException>(() => new StackScatter(10, 5, MaxHalosPerStack: 3));
    }

    [Fact]
    public void Generated_stacks_record_their_drawn_sizes_and_keep_them_when_fewer_stacks_are_made()
    {
        var emulator = Emulator.Value;
        var scatter = new StackScatter(1, 11, MaxHalosPerStack: 500);
        var stacks = EmulatedStacks.Generate(emulator, 40, 13.2, 13.8, scatter: scatter);
        var fewer = EmulatedStacks.Generate(emulator, 10, 13.2, 13.8, scatter: scatter);

        Assert.NotNull(stacks.StackSizes);
        Assert.All(stacks.StackSizes!, n => Assert.InRange(n, 1, 500));
        Assert.True(stacks.StackSizes!.Distinct().Count() > 10, "sizes vary from stack to stack");
        Assert.Equal(stacks.StackSizes![..10], fewer.StackSizes!);
        Assert.Equal(stacks.Log10Profiles[7], fewer.Log10Profiles[7]);
        Assert.Equal(stacks.StackSizes[..5], stacks.First(5).StackSizes!);
        Assert.Null(EmulatedStacks.Generate(emulator, 4, 13.2, 13.8).StackSizes);
    }
}
