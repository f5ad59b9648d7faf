namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Where the training inputs of a feature-vector model lived, for out-of-distribution checks at inference: the range
/// of every input feature (after the model's transforms, before standardisation) over the training split. An input
/// with more than <see cref="MaxFeaturesOutside"/> features outside their range is flagged.
/// </summary>
/// <param name="FeatureNames">One name per input feature, e.g. "log10_n_gas@r05".</param>
/// <param name="Ranges">Training range of each feature, parallel to <paramref name="FeatureNames"/>.</param>
/// <param name="MaxFeaturesOutside">How many features may fall outside before the input is flagged.</param>
public sealed record FeatureDomain(IReadOnlyList<string> FeatureNames, IReadOnlyList<ValueRange> Ranges, int MaxFeaturesOutside)
{
    /// <summary>Reasons the input lies outside the domain (empty when inside); lists at most three features.</summary>
    public IReadOnlyList<string> Violations(ReadOnlySpan<double> features)
    {
        if (features.Length != Ranges.Count)
        {
            return [$"input has {features.Length} features, the model's domain {Ranges.Count}"];
        }

        var outside = new List<string>();
        for (int f = 0; f < features.Length; f++)
        {
            if (!Ranges[f].Contains(features[f]))
            {
                outside.Add($"{FeatureNames[f]} {features[f]:G4} outside [{Ranges[f].Min:G4}, {Ranges[f].Max:G4}]");
            }
        }

        if (outside.Count <= MaxFeaturesOutside)
        {
            return [];
        }

        string shown = string.Join("; ", outside.Take(3));
        return [$"{outside.Count} of {features.Length} features outside the training range ({shown}{(outside.Count > 3 ? "; ..." : string.Empty)})"];
    }
}
