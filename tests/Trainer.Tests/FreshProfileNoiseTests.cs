using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Trainer.Profiles;

namespace StreamProcessor.Trainer.Tests;

public sealed class FreshProfileNoiseTests
{
    private static readonly ProfileLayout Layout = new([ProfileKind.GasDensity, ProfileKind.GasTemperature], [0.01, 0.1, 1.0], IncludeLog10HaloMass: true);

    [Fact]
    public void Each_draw_adds_new_noise_of_the_stated_width_to_profile_values_and_leaves_mass_exact()
    {
        const int stacks = 2000;
        int width = Layout.FeatureCount;
        var clean = new float[stacks * width];
        for (int i = 0; i < clean.Length; i++)
        {
            clean[i] = (i % width) == width - 1 ? 13.5f : 1f + (i % width);
        }

        var augmentation = new FreshProfileNoise(clean, Layout, 0.2);
        int[] rows = [.. Enumerable.Range(0, stacks)];
        var first = new float[stacks * width];
        var second = new float[stacks * width];
        var random = new Random(4);
        augmentation.Apply(rows, first, random);
        augmentation.Apply(rows, second, random);

        var errors = Enumerable.Range(0, clean.Length).Where(i => (i % width) < width - 1).Select(i => (double)(first[i] - clean[i])).ToArray();
        double std = Math.Sqrt(errors.Average(e => e * e));
        // 10,000 draws: the standard error of the rms is under 1 %.
        Assert.InRange(std, 0.97 * 0.2 / Math.Log(10), 1.03 * 0.2 / Math.Log(10));
        Assert.InRange(errors.Average(), -0.003, 0.003);
        Assert.All(Enumerable.Range(0, stacks), r => Assert.Equal(13.5f, first[(r * width) + width - 1]));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_batch_reads_the_clean_features_of_its_own_rows()
    {
        int width = Layout.FeatureCount;
        var clean = new float[3 * width];
        for (int r = 0; r < 3; r++)
        {
            clean.AsSpan(r * width, width).Fill(10 * (r + 1));
        }

        var batch = new float[2 * width];
        new FreshProfileNoise(clean, Layout, 0.01).Apply([2, 0], batch, new Random(1));

        Assert.All(batch.AsSpan(0, width).ToArray(), v => Assert.InRange(v, 29.9, 30.1));
        Assert.All(batch.AsSpan(width, width).ToArray(), v => Assert.InRange(v, 9.9, 10.1));
    }

    [Fact]
    public void Mass_and_stack_size_stay_exact_when_both_are_inputs()
    {
        var layout = Layout with { IncludeLog10StackedObjects = true };
        int width = layout.FeatureCount;
        float[] clean = [.. Enumerable.Range(0, width).Select(f => f < width - 2 ? 1f : f == width - 2 ? 13.5f : 2.4f)];
        var batch = new float[width];

        new FreshProfileNoise(clean, layout, 0.3).Apply([0], batch, new Random(2));

        Assert.Equal([13.5f, 2.4f], batch[^2..]);
        Assert.Equal(layout.ProfileValueCount, Enumerable.Range(0, width).Count(f => batch[f] != clean[f]));
    }
}
