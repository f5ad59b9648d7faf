using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.MassInference;

/// <summary>Compares one input with the training domain recorded in the model card.</summary>
public static class OutOfDistributionCheck
{
    /// <summary>
    /// Null when inside the domain (or the card records none); else the reasons, joined. The aperture coverage is tested
    /// from the kept members' projected radii when the card has a table for it and the features list them (a features
    /// record without member radii cannot be tested, and is not flagged for that).
    /// </summary>
    public static string? Reason(
        TrainingDomain? domain, int richness, double sigmaLosKmPerS, double redshift, ReadOnlySpan<float> image, IReadOnlyList<double>? memberRProjMpcOverH)
    {
        if (domain is null) return null;
        var violations = domain.Violations(richness, sigmaLosKmPerS, redshift, ImageStatistics.Of(image)).ToList();
        if (domain.ApertureCoverage is { } coverage && memberRProjMpcOverH is { Count: > 0 } radii && coverage.Violation(radii, sigmaLosKmPerS, redshift) is { } truncated)
        {
            violations.Add(truncated);
        }
        return violations.Count == 0 ? null : string.Join("; ", violations);
    }

    /// <summary>
    /// The quantity named first in a reason ("richness 4 outside ..." → "richness", "aperture coverage: ..." → "aperture"):
    /// a low-cardinality label.
    /// </summary>
    public static string Category(string reason) => reason.Split(' ', 2)[0];
}
