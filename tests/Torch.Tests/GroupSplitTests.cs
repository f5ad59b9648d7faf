using StreamProcessor.Torch.Training;

namespace StreamProcessor.Torch.Tests;

public sealed class GroupSplitTests
{
    private static long[] Groups()
    {
        // 200 groups with 1 to 6 lines of sight each, interleaved so neighbouring rows belong to different groups.
        var random = new Random(3);
        var ids = new List<long>();
        for (int g = 0; g < 200; g++)
        {
            ids.AddRange(Enumerable.Repeat(5000L + (g * 7), 1 + random.Next(6)));
        }

        return [.. ids.OrderBy(_ => random.Next())];
    }

    [Fact]
    public void Split_never_puts_one_group_in_two_splits_and_uses_every_sample_once()
    {
        long[] groups = Groups();
        var split = GroupSplit.Split(groups, 0.7, 0.15, seed: 42);

        var train = split.Train.Select(i => groups[i]).ToHashSet();
        var validation = split.Validation.Select(i => groups[i]).ToHashSet();
        var test = split.Test.Select(i => groups[i]).ToHashSet();
        Assert.Empty(train.Intersect(validation));
        Assert.Empty(train.Intersect(test));
        Assert.Empty(validation.Intersect(test));
        Assert.Equal(Enumerable.Range(0, groups.Length), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Equal(140, train.Count);
        Assert.Equal(30, validation.Count);
        Assert.Equal(30, test.Count);
    }

    [Fact]
    public void Split_is_fixed_by_the_seed_and_changes_with_it()
    {
        long[] groups = Groups();
        var a = GroupSplit.Split(groups, 0.7, 0.15, seed: 1);
        var b = GroupSplit.Split(groups, 0.7, 0.15, seed: 1);
        var c = GroupSplit.Split(groups, 0.7, 0.15, seed: 2);
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void Split_refuses_fractions_that_sum_above_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GroupSplit.Split(Groups(), 0.9, 0.2, seed: 1));
    }
}
