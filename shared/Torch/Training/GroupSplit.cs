namespace StreamProcessor.Torch.Training;

/// <summary>
/// Splits samples into train / validation / test by group (halo), never by sample: lines of sight of one halo are
/// strongly correlated, so a per-sample split would leak the test set into training (Ho+2019, arXiv:1902.05950,
/// hold out whole clusters).
/// </summary>
public static class GroupSplit
{
    /// <summary>
    /// Shuffles the distinct group ids (sorted first, so the result does not depend on sample order) with
    /// <c>new Random(seed)</c>, then gives the first round(G * trainFraction) groups to train, the next
    /// round(G * validationFraction) to validation and the rest to test.
    /// </summary>
    public static DatasetSplit Split(IReadOnlyList<long> groupIds, double trainFraction, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(groupIds);
        if (!(trainFraction > 0) || !(validationFraction > 0) || trainFraction + validationFraction > 1 + 1e-12)
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction),
                $"Need train > 0, validation > 0 and train + validation <= 1; got {trainFraction} and {validationFraction}.");
        }

        long[] groups = groupIds.Distinct().Order().ToArray();
        if (groups.Length < 2)
        {
            throw new ArgumentException($"Need at least 2 groups to split, got {groups.Length}.", nameof(groupIds));
        }

        var random = new Random(seed);
        random.Shuffle(groups);
        int trainGroups = Math.Clamp((int)Math.Round(groups.Length * trainFraction), 1, groups.Length - 1);
        int validationGroups = Math.Clamp((int)Math.Round(groups.Length * validationFraction), 1, groups.Length - trainGroups);
        var splitOf = new Dictionary<long, int>(groups.Length);
        for (int g = 0; g < groups.Length; g++)
        {
            splitOf[groups[g]] = g < trainGroups ? 0 : g < trainGroups + validationGroups ? 1 : 2;
        }

        var parts = new[] { new List<int>(), new List<int>(), new List<int>() };
        for (int i = 0; i < groupIds.Count; i++)
        {
            parts[splitOf[groupIds[i]]].Add(i);
        }

        return new DatasetSplit([.. parts[0]], [.. parts[1]], [.. parts[2]]);
    }
}
