using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.MassInference;

/// <summary>Compares one input with the training domain recorded in the model card.</summary>
public static class OutOfDistributionCheck
{
    /// <summary>Null when inside the domain (or the card records none); else the reasons, joined.</summary>
    public static string? Reason(TrainingDomain? domain, int richness, double sigmaLosKmPerS, double redshift, ReadOnlySpan<float> image)
    {
        if (domain is null) return null;
        var violations = domain.Violations(richness, sigmaLosKmPerS, redshift, ImageStatistics.Of(image));
        return violations.Count == 0 ? null : string.Join("; ", violations);
    }

    /// <summary>The quantity named first in a reason ("richness 4 outside ..." → "richness"): a low-cardinality label.</summary>
    public static string Category(string reason) => reason.Split(' ', 2)[0];
}
