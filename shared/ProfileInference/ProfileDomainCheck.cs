using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// Out-of-distribution check of one feature vector: against the card's <see cref="FeatureDomain"/> (the training
/// range of every feature) and against the layout's floors (a positive value below its kind's floor is smaller
/// than anything in the training data).
/// </summary>
public static class ProfileDomainCheck
{
    /// <summary>Metric label of a feature-domain violation.</summary>
    public const string FeatureDomainCategory = "feature-domain";

    /// <summary>Metric label of values below the layout's floor.</summary>
    public const string BelowFloorCategory = "below-floor";

    /// <summary>Null inside the domain; else a low-cardinality category (the first violation's) and the reasons, joined.</summary>
    public static (string Category, string Reason)? Check(FeatureDomain? domain, ProfileExtraction.Extracted features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var reasons = new List<(string Category, string Reason)>();
        foreach (string violation in domain?.Violations(features.Values) ?? [])
        {
            reasons.Add((FeatureDomainCategory, violation));
        }

        if (features.BelowFloor.Count > 0)
        {
            string shown = string.Join(", ", features.BelowFloor.Take(3)) + (features.BelowFloor.Count > 3 ? ", ..." : string.Empty);
            int count = features.BelowFloor.Count;
            reasons.Add((BelowFloorCategory, $"{count} value{(count == 1 ? "" : "s")} below the layout's floor ({shown})"));
        }

        return reasons.Count == 0 ? null : (reasons[0].Category, string.Join("; ", reasons.Select(r => r.Reason)));
    }
}
