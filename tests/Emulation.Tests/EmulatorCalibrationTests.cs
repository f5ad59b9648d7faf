using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation.Tests;

public sealed class EmulatorCalibrationTests
{
    private static readonly Lazy<ProfileEmulator> Emulator = new(() =>
        ProfileEmulator.Fit(CamelsData.Dataset, [.. Enumerable.Range(0, 60)], new EmulatorFitOptions { MaxComponents = 3, MaxIterations = 15 }));

    [Fact]
    public void Standardised_coefficients_rebuild_the_emulated_profiles()
    {
        var emulator = Emulator.Value;
        var halo = CamelsData.Dataset.Halos[310];
        var unit = emulator.UnitInputs(halo.Parameters, halo.Log10HaloMass);
        var profiles = new double[5 * emulator.Bins];
        emulator.PredictLog10(unit, profiles);

        double[] standardised = emulator.PredictStandardisedCoefficients(unit);

        Assert.Equal(emulator.ProcessCount, standardised.Length);
        var kind = emulator.Model.Kinds.Single(k => k.Kind == ProfileKind.GasTemperature);
        int first = emulator.Model.Kinds.TakeWhile(k => k.Kind != ProfileKind.GasTemperature).Sum(k => k.CoefficientMean.Length);
        double[] coefficients = [.. Enumerable.Range(0, kind.CoefficientMean.Length).Select(c => kind.CoefficientMean[c] + (kind.CoefficientStd[c] * standardised[first + c]))];
        var rebuilt = new double[emulator.Bins];
        kind.Basis.Reconstruct(coefficients, rebuilt);
        Assert.Equal(profiles.AsSpan(ProfileEmulator.IndexOf(ProfileKind.GasTemperature) * emulator.Bins, emulator.Bins).ToArray(), rebuilt, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void The_emulator_error_only_widens_the_stated_variance_of_halos_it_never_saw()
    {
        // Halos 300-339 share no seed with 0-59 (pairs are 0-127 with 128-255, 256-383 with 384-511).
        int[] held = [.. Enumerable.Range(300, 40)];

        var calibration = EmulatorCalibration.HeldOut(Emulator.Value, CamelsData.Dataset, held);

        Assert.Equal(Emulator.Value.Model.Kinds.Select(k => k.Kind), calibration.Select(k => k.Kind));
        Assert.All(calibration, kind =>
        {
            Assert.Equal(40, kind.Halos);
            Assert.Equal(Emulator.Value.Model.Kinds.Single(k => k.Kind == kind.Kind).CoefficientMean.Length, kind.NoiseOnly.Length);
            Assert.All(kind.NoiseOnly.Zip(kind.WithEmulatorError), p =>
            {
                Assert.True(double.IsFinite(p.First) && p.Second > 0, $"{kind.Kind}: z2 {p.First}, {p.Second}");
                Assert.True(p.Second < p.First, $"{kind.Kind}: with the emulator's error {p.Second:G3}, noise alone {p.First:G3}");
            });
            Assert.All(kind.WithinOneSigma!, share => Assert.InRange(share, 0, 1));

            // The halos that weigh most in the mean z², largest first, are named; the mean without them is below it.
            Assert.Equal(EmulatorCalibration.LargestHalos, kind.LargestHalos!.Count);
            Assert.Equal(kind.LargestHalos.Select(h => h.MeanZSquared).OrderDescending(), kind.LargestHalos.Select(h => h.MeanZSquared));
            Assert.All(kind.LargestHalos, h => Assert.Contains(h.ZoomId, held.Select(r => CamelsData.Dataset.Halos[r].ZoomId)));
            Assert.True(kind.WithoutLargestHalos < kind.WithEmulatorError.Average(), $"{kind.Kind}: {kind.WithoutLargestHalos} vs {kind.WithEmulatorError.Average()}");
        });
        Assert.Throws<ArgumentException>(() => EmulatorCalibration.HeldOut(Emulator.Value, CamelsData.Dataset, []));
    }

    [Fact]
    public void Cross_validation_sets_an_inflation_of_at_least_one_that_the_held_out_check_divides_out()
    {
        int[] rows = [.. Enumerable.Range(0, 60)];
        var crossValidated = EmulatorCalibration.CrossValidated(Emulator.Value, CamelsData.Dataset, rows, folds: 3, seed: 4);

        Assert.Equal(Emulator.Value.Model.Kinds.Select(k => k.Kind), crossValidated.Select(k => k.Kind));
        Assert.All(crossValidated, kind =>
        {
            Assert.Equal(60, kind.Halos);
            Assert.Null(kind.WithInflatedError);
            Assert.All(kind.WithEmulatorError, z2 => Assert.True(double.IsFinite(z2) && z2 > 0, $"{kind.Kind}: {z2}"));
            Assert.Equal(kind.WithEmulatorError.Select(z2 => Math.Max(1, z2)), EmulatorCalibration.Inflation(kind));
        });

        var inflated = ProfileEmulator.FromModel(Emulator.Value.Model.Calibrated(crossValidated));
        Assert.True(inflated.Model.IsCalibrated);
        Assert.False(Emulator.Value.Model.IsCalibrated);
        Assert.Equal(crossValidated.SelectMany(EmulatorCalibration.Inflation), inflated.VarianceInflation);

        int[] held = [.. Enumerable.Range(300, 40)];
        var plain = EmulatorCalibration.HeldOut(Emulator.Value, CamelsData.Dataset, held);
        var check = EmulatorCalibration.HeldOut(inflated, CamelsData.Dataset, held);
        Assert.All(plain, kind => Assert.Null(kind.WithInflatedError));
        int process = 0;
        foreach (var (before, after) in plain.Zip(check))
        {
            Assert.Equal(before.WithEmulatorError, after.WithEmulatorError);
            for (int c = 0; c < after.WithEmulatorError.Length; c++)
            {
                Assert.Equal(after.WithEmulatorError[c] / inflated.VarianceInflation[process + c], after.WithInflatedError![c], 12);
            }

            process += after.WithEmulatorError.Length;
        }

        Assert.Throws<ArgumentException>(() => EmulatorCalibration.CrossValidated(Emulator.Value, CamelsData.Dataset, [], 3, 4));
    }

    [Fact]
    public void An_inflation_of_four_doubles_a_draws_departure_from_the_mean_and_survives_a_reload()
    {
        var model = Emulator.Value.Model;
        var fourfold = model with { Kinds = [.. model.Kinds.Select(k => k with { VarianceInflation = [.. k.CoefficientMean.Select(_ => 4.0)] })] };
        var plain = Emulator.Value;
        var inflated = ProfileEmulator.FromModel(fourfold);
        var halo = CamelsData.Dataset.Halos[320];
        double[] unit = plain.UnitInputs(halo.Parameters, halo.Log10HaloMass);
        double[] variances = plain.EmulatorVariances([unit])[0];
        int values = 5 * plain.Bins;
        var mean = new double[values];
        var drawPlain = new double[values];
        var drawInflated = new double[values];
        plain.PredictLog10(unit, mean);
        plain.PredictLog10(unit, drawPlain, new Random(8), 3, variances);
        inflated.PredictLog10(unit, drawInflated, new Random(8), 3, variances);

        // PCA reconstruction is linear in the coefficients, so every stored kind departs exactly twice as far.
        foreach (var kind in model.Kinds)
        {
            int offset = ProfileEmulator.IndexOf(kind.Kind) * plain.Bins;
            for (int b = offset; b < offset + plain.Bins; b++)
            {
                Assert.Equal(2 * (drawPlain[b] - mean[b]), drawInflated[b] - mean[b], 1e-9);
            }
        }

        // Draws without the emulator's error keep the fitted halo noise: the inflation is for the stated total only.
        var noiseOnlyPlain = new double[values];
        var noiseOnlyInflated = new double[values];
        plain.PredictLog10(unit, noiseOnlyPlain, new Random(8), 3);
        inflated.PredictLog10(unit, noiseOnlyInflated, new Random(8), 3);
        Assert.Equal(noiseOnlyPlain, noiseOnlyInflated);

        string folder = Path.Combine(Path.GetTempPath(), "inflated-emulator-" + Guid.NewGuid().ToString("N"));
        try
        {
            fourfold.Save(folder);
            var reloaded = EmulatorModel.Load(folder);
            Assert.True(reloaded.IsCalibrated);
            Assert.All(ProfileEmulator.FromModel(reloaded).VarianceInflation, s => Assert.Equal(4.0, s));
            Assert.All(ProfileEmulator.FromModel(reloaded.Uncalibrated()).VarianceInflation, s => Assert.Equal(1.0, s));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Heavy_tails_keep_the_variance_of_single_halo_draws_and_fatten_their_tails()
    {
        var model = Emulator.Value.Model;
        var plain = Emulator.Value;
        var tailed = ProfileEmulator.FromModel(model with { Kinds = [.. model.Kinds.Select(k => k with { TailDegreesOfFreedom = 3.0 })] });
        var halo = CamelsData.Dataset.Halos[320];
        double[] unit = plain.UnitInputs(halo.Parameters, halo.Log10HaloMass);
        // The emulator's error switched on at zero variance: the quick emulator's GP variance would swamp the halo term.
        double[] variances = new double[plain.ProcessCount];
        int bin = (ProfileEmulator.IndexOf(ProfileKind.GasDensity) * plain.Bins) + 10;
        var mean = new double[5 * plain.Bins];
        plain.PredictLog10(unit, mean);

        double[] Departures(ProfileEmulator emulator, bool withError)
        {
            var random = new Random(17);
            var draw = new double[5 * plain.Bins];
            return [.. Enumerable.Range(0, 4000).Select(_ =>
            {
                emulator.PredictLog10(unit, draw, random, 1, withError ? variances : default);
                return draw[bin] - mean[bin];
            })];
        }

        double[] gaussian = Departures(plain, withError: true);
        double[] heavy = Departures(tailed, withError: true);
        double ratio = MathNet.Numerics.Statistics.Statistics.Variance(heavy) / MathNet.Numerics.Statistics.Statistics.Variance(gaussian);
        Assert.InRange(ratio, 0.7, 1.4);
        Assert.InRange(MathNet.Numerics.Statistics.Statistics.Kurtosis(gaussian), -0.5, 0.5);
        Assert.True(MathNet.Numerics.Statistics.Statistics.Kurtosis(heavy) > 1.5, $"excess kurtosis {MathNet.Numerics.Statistics.Statistics.Kurtosis(heavy):F2}");

        // Without the emulator's error the draws are the Gaussian halo scatter as fitted.
        Assert.Equal(Departures(plain, withError: false), Departures(tailed, withError: false));
    }
}
