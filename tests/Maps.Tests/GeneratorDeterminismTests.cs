namespace StreamProcessor.Maps.Tests;

public sealed class GeneratorDeterminismTests
{
    private static readonly MapSettings Settings = MapSettings.Cgm;

    [Fact]
    public void The_same_seed_gives_identical_maps_and_targets()
    {
        var a = MapGenerator.Generate(Settings, GalaxyFormationModel.TngLike, seed: 11, count: 6, parallelism: 1);
        var b = MapGenerator.Generate(Settings, GalaxyFormationModel.TngLike, seed: 11, count: 6, parallelism: 1);
        AssertIdentical(a, b);
    }

    [Fact]
    public void One_and_two_threads_and_any_batching_give_identical_output()
    {
        var serial = MapGenerator.Generate(Settings, GalaxyFormationModel.SimbaLike, seed: 5, count: 8, parallelism: 1);
        var parallel = MapGenerator.Generate(Settings, GalaxyFormationModel.SimbaLike, seed: 5, count: 8, parallelism: 2);
        var secondBatch = MapGenerator.Generate(Settings, GalaxyFormationModel.SimbaLike, seed: 5, count: 4, parallelism: 2, firstIndex: 4);
        AssertIdentical(serial, parallel);
        AssertIdentical(serial.Skip(4).ToList(), secondBatch);
        Assert.Equal(Enumerable.Range(0, 8), serial.Select(s => s.Index));
    }

    [Fact]
    public void A_different_seed_gives_different_haloes_and_the_three_projections_differ()
    {
        var a = MapGenerator.Generate(Settings, GalaxyFormationModel.TngLike, seed: 1, count: 2, parallelism: 1);
        var b = MapGenerator.Generate(Settings, GalaxyFormationModel.TngLike, seed: 2, count: 2, parallelism: 1);
        Assert.NotEqual(a[0].Targets, b[0].Targets);
        var p = a[0].Projections;
        Assert.NotEqual(p[0].Xray, p[1].Xray);
        Assert.NotEqual(p[1].Xray, p[2].Xray);
        Assert.NotEqual(p[0].Hi, p[2].Hi);
        Assert.All(p, q => Assert.Equal(Settings.Pixels * Settings.Pixels, q.Xray.Length));
    }

    private static void AssertIdentical(IReadOnlyList<HaloSample> a, IReadOnlyList<HaloSample> b)
    {
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Index, b[i].Index);
            Assert.Equal(a[i].Targets, b[i].Targets);
            for (int p = 0; p < MapGenerator.ProjectionsPerHalo; p++)
            {
                Assert.Equal(a[i].Projections[p].Xray, b[i].Projections[p].Xray);
                Assert.Equal(a[i].Projections[p].Hi, b[i].Projections[p].Hi);
            }
        }
    }
}
