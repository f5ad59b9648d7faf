using StreamProcessor.MassFunctionAggregation.Check;
using Xunit.Abstractions;

namespace StreamProcessor.MassFunction.Tests;

/// <summary>
/// The end-to-end science check (mock light cone → posteriors.mass → service → massfunction) at both cosmologies, in
/// the demo configuration (5000 deg², 50 × 50 grid, 0.13 dex posteriors: ~2000 posteriors, ~5 s each).
/// <para>
/// Design, fixed before the first run: one realisation per cosmology, light-cone seed 1 (the check's default), must pass
/// every criterion of <see cref="MassFunctionCheck"/>: per-bin |pull| ≤ 3.5 for bins expecting ≥ 10 clusters, the total
/// above the completeness limit within 3 Poisson σ, and the truth inside the 95 % region. The run is deterministic
/// (seeded draws, seeded posterior sampling), so it cannot flake; but the 95 % criterion fails for ~5–10 % of seeds by
/// construction (the Abundance tests measured 56/60 coverage on this grid), so a different seed may fail honestly —
/// the calibration itself is the Abundance tests' k-of-n job. Seed 1 passed at both cosmologies on its first run.
/// Afterwards seeds 2–9 were run at Planck18 for the record: the truth fell outside the 95 % region for seeds 4 and 9
/// (2 of 9; with the 90 % coverage the Abundance tests measured, 2 or more misses in 9 happen 23 % of the time).
/// </para>
/// </summary>
public sealed class MassFunctionCheckTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(CheckCosmology.Planck18)]
    [InlineData(CheckCosmology.Alt)]
    public async Task The_science_check_recovers_the_input_mass_function_and_cosmology(CheckCosmology cosmology)
    {
        var writer = new StringWriter();
        var options = new MassFunctionCheckOptions { Cosmology = cosmology, MeasureRebuild = false, OutputFolder = Path.Combine(Path.GetTempPath(), $"massfunction-check-test-{Guid.NewGuid():N}") };

        MassFunctionCheckResult result = await MassFunctionCheck.RunAsync(options, writer);
        output.WriteLine(writer.ToString());

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.True(result.TruthInside95);
        Assert.Equal(3, result.FinalUpdates.Count);
        Assert.All(result.FinalUpdates, u => Assert.Equal(result.PosteriorsPublished, u.NPosteriors));
        Assert.True(result.Bins.Count(b => b.Tested) >= 10, "too few bins tested to mean anything");
        Assert.Equal(result.Truth, result.FinalUpdates[0].TrueCosmology);
        Assert.True(File.Exists(Path.Combine(options.OutputFolder, $"massfunction-check-{cosmology.ToString().ToLowerInvariant()}-bins.csv")));
        Directory.Delete(options.OutputFolder, recursive: true);
    }

    [Fact]
    public async Task A_survey_of_many_thousand_clusters_is_resolved_by_the_zoomed_grid()
    {
        // 20,000 deg²: ~7,800 posteriors, σ(S₈) ≈ 0.006, and the 95 % region of the configured grid holds too few
        // points (at 40,000 deg² the truth fell outside it without the zoom). Larger runs would overflow the embedded
        // broker's ~5 MiB per partition while the service catches up.
        var writer = new StringWriter();
        var options = new MassFunctionCheckOptions { SkyAreaDeg2 = 20_000, MeasureRebuild = false };

        MassFunctionCheckResult result = await MassFunctionCheck.RunAsync(options, writer);
        output.WriteLine(writer.ToString());

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        var posterior = result.FinalUpdates[0].Cosmology!;
        Assert.True(posterior.GridOmegaM[^1] - posterior.GridOmegaM[0] < 0.15, "the published grid is the zoom, not the configured 0.15–0.45");
        Assert.InRange(posterior.S8Sigma, 0.002, 0.01);
    }

    [Fact]
    public async Task The_check_fails_when_the_posteriors_are_biased()
    {
        // Posteriors reported 0.1 dex too high (a miscalibrated model): the forward model at the truth no longer
        // matches, so the check must say so rather than pass anything.
        var writer = new StringWriter();
        var options = new MassFunctionCheckOptions { MeasureRebuild = false, MassBiasDex = 0.1 };

        MassFunctionCheckResult result = await MassFunctionCheck.RunAsync(options, writer);
        output.WriteLine(writer.ToString());

        Assert.False(result.Passed);
    }
}
