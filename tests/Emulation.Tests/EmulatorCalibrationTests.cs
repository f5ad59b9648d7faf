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
        });
        Assert.Throws<ArgumentException>(() => EmulatorCalibration.HeldOut(Emulator.Value, CamelsData.Dataset, []));
    }
}
