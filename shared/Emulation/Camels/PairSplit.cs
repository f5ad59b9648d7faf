namespace StreamProcessor.Emulation.Camels;

/// <summary>
/// Train / validation / test split of halos by initial-condition pair (shared seed), never by halo: a base halo and
/// its surrogate share their cosmic variance, so splitting a pair would leak the test set
/// (../shared/data/camels-zoomgz28/README.md).
/// </summary>
/// <param name="Train">Indices into the halo list.</param>
/// <param name="Validation">Indices into the halo list.</param>
/// <param name="Test">Indices into the halo list.</param>
public sealed record PairSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>Shuffles the distinct seeds with <c>Random(seed)</c> and deals them out by the fractions.</summary>
    public static PairSplit Create(IReadOnlyList<CamelsHalo> halos, double trainFraction, double validationFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(halos);
        if (trainFraction <= 0 || validationFraction < 0 || trainFraction + validationFraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "Need 0 < train, 0 <= validation and train + validation < 1.");
        }

        int[] pairs = [.. halos.Select(h => h.Seed).Distinct().Order()];
        new Random(seed).Shuffle(pairs);
        int trainPairs = (int)Math.Round(pairs.Length * trainFraction);
        int validationPairs = (int)Math.Round(pairs.Length * validationFraction);
        var trainSet = pairs[..trainPairs].ToHashSet();
        var validationSet = pairs[trainPairs..(trainPairs + validationPairs)].ToHashSet();
        int[] Where(Func<int, bool> take) => [.. Enumerable.Range(0, halos.Count).Where(i => take(halos[i].Seed))];
        return new PairSplit(
            Where(trainSet.Contains),
            Where(validationSet.Contains),
            Where(s => !trainSet.Contains(s) && !validationSet.Contains(s)));
    }

    /// <summary>Assigns every halo of <paramref name="rows"/> to one of <paramref name="folds"/> folds by pair.</summary>
    public static int[] PairFolds(IReadOnlyList<CamelsHalo> halos, IReadOnlyList<int> rows, int folds, int seed)
    {
        int[] pairs = [.. rows.Select(r => halos[r].Seed).Distinct().Order()];
        new Random(seed).Shuffle(pairs);
        var fold = pairs.Select((s, i) => (s, i % folds)).ToDictionary(p => p.s, p => p.Item2);
        return [.. rows.Select(r => fold[halos[r].Seed])];
    }
}
