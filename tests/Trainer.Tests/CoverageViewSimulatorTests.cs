using System.Text.Json.Nodes;
using StreamProcessor.Trainer.Aperture;
using StreamProcessor.Trainer.Data;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// <c>trainer aperture</c> measures its thresholds on views re-simulated from a dataset's manifest: they must be the
/// dataset's views, a cut must remove what it says, and a dataset this code would not reproduce must be refused.
/// </summary>
public sealed class CoverageViewSimulatorTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"coverage-views-{Guid.NewGuid():N}");

    private DatasetManifest Simulate() =>
        SimulateCommand.Simulate(new SimulateRequest(60, 5, _data, 3, SignFlips: false, Kde3D: false, Threads: -1), new ProgressSink("simulate", 60, TextWriter.Null, bar: null));

    [Fact]
    public void Re_simulated_views_are_the_datasets_and_a_cut_keeps_every_galaxy_inside_it()
    {
        DatasetManifest manifest = Simulate();
        var simulator = new CoverageViewSimulator(manifest);
        int[] haloes = [.. Enumerable.Range(0, manifest.HaloCount)];

        var full = simulator.Simulate(haloes, null, withImages: true, threads: 2);
        var stored = DatasetFile.Read(Path.Combine(_data, DatasetFile.SamplesFileName), s => s.Contaminated && !s.VelocitySignFlipped).Samples;
        CoverageViewSimulator.CheckAgainst(full, stored); // throws on any difference in (halo, line of sight, richness)
        Assert.Equal(stored.Count, full.Count);
        // Same images as the dataset stored: the re-simulation is the training path, not an approximation of it.
        Assert.Equal(stored[0].Image, full[0].Image);
        Assert.All(full, v => Assert.True(v.ReachByRankMpcOverH[0] >= v.ReachByRankMpcOverH[1] && v.ReachByRankMpcOverH[1] >= v.ReachByRankMpcOverH[2]));
        Assert.All(full, v => Assert.InRange(v.ReachByRankMpcOverH[0], 0, 1.6));

        var cut = simulator.Simulate(haloes, 0.63, withImages: false, threads: 2);
        Assert.NotEmpty(cut);
        Assert.All(cut, v => Assert.True(v.ReachByRankMpcOverH[0] < 0.63, $"halo {v.HaloId}: {v.ReachByRankMpcOverH[0]}"));
        Assert.True(full.Count(v => v.ReachByRankMpcOverH[0] >= 0.63) > full.Count / 2, "most full views reach beyond 0.63");

        // A view missing from the re-simulation is a mismatch.
        var wrong = Assert.Throws<InvalidDataException>(() => CoverageViewSimulator.CheckAgainst(full.Skip(1).ToList(), stored));
        Assert.Contains("first difference at view 0", wrong.Message);
    }

    [Fact]
    public void A_dataset_made_with_other_simulator_options_is_refused()
    {
        DatasetManifest manifest = Simulate();
        var changed = manifest.SimulatorOptions.DeepClone();
        changed["RedshiftMax"] = 0.5;

        var error = Assert.Throws<InvalidDataException>(() => new CoverageViewSimulator(manifest with { SimulatorOptions = changed }));
        Assert.Contains("re-simulate it", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
