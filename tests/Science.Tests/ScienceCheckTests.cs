using StreamProcessor.MassFunctionAggregation.Check;
using StreamProcessor.PipelineHost.Science;
using Xunit.Abstractions;

namespace StreamProcessor.Science.Tests;

/// <summary>
/// The full-physics science check (Tinker+08 light cone → member catalogues → phase-space → CNN → massfunction on the
/// embedded broker) at both cosmologies, with the shipped CNN and its shipped selection calibration
/// (models/mass-cnn-2d/selection-calibration.json, simulator seed 20261123, disjoint from the checks' seeds 1001+).
/// About 3,700 catalogues and ~1,050 clusters above the fit limit per run; ~20 s each on 2 cores.
/// <para>
/// Design: one realisation per cosmology at the command's default seed 1, which must pass every criterion of
/// <see cref="ScienceCriteria"/>. The run is deterministic (seeded draws; the CNN on the CPU), so it does not flake; the
/// 95 % criterion fails for ~5 % of seeds by construction, so another seed may fail honestly. Seeds 1–6 were run with
/// the command for the record (README, "Science check with full physics"): Planck18 seed 3 fell outside the 95 %
/// region (S8 3σ low), the other eleven runs passed.
/// </para>
/// </summary>
public sealed class ScienceCheckTests(ITestOutputHelper output)
{
    private static readonly string[] ServiceArgs =
    [
        $"--MassInference:ModelPath={RepoPaths.Model}",
        "--MassInference:MaxInferenceBatch=256",
        "--Worker:MaxBatchSize=64",
        "--metrics-url=http://127.0.0.1:0",
    ];

    [Theory]
    [InlineData(CheckCosmology.Planck18)]
    [InlineData(CheckCosmology.Alt)]
    public async Task The_full_physics_check_recovers_the_input_mass_function_and_cosmology(CheckCosmology cosmology)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"science-check-test-{Guid.NewGuid():N}");
        var writer = new StringWriter();
        var options = new ScienceCheckOptions { Cosmology = cosmology, CalibrationPath = RepoPaths.Calibration, OutputFolder = folder };

        ScienceCheckResult result = await ScienceCheck.RunAsync(options, ServiceArgs, writer);
        output.WriteLine(writer.ToString());

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.True(result.Criteria.TruthInside95);
        Assert.Equal(3, result.FinalUpdates.Count);
        Assert.True(result.Criteria.Bins.Count(b => b.Tested) >= 10, "too few bins tested to mean anything");
        Assert.True(result.Criteria.ObservedAboveLimit >= 500, "too few clusters above the limit to mean anything");
        Assert.Equal(result.Truth, result.FinalUpdates[0].TrueCosmology);
        string stem = Path.Combine(folder, $"science-check-{cosmology.ToString().ToLowerInvariant()}");
        Assert.True(File.Exists(stem + "-massfunction.png"));
        Assert.True(File.Exists(stem + "-omegam-sigma8.png"));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_check_fails_when_the_forward_model_misreads_the_CNN_masses()
    {
        // The calibrated residuals shifted by 0.1 dex: the forward model expects the CNN to read every cluster 0.1 dex
        // higher than it does, as a stale calibration would. The check must notice rather than pass anything.
        var writer = new StringWriter();
        var options = new ScienceCheckOptions { CalibrationPath = RepoPaths.Calibration, ResidualShiftDex = 0.1 };

        ScienceCheckResult result = await ScienceCheck.RunAsync(options, ServiceArgs, writer);
        output.WriteLine(writer.ToString());

        Assert.False(result.Passed);
    }
}
