using System.Text.Json.Serialization;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Where the training data lived, for out-of-distribution checks at inference: a cluster outside any of these
/// ranges gets a prediction the network was never trained for. Filled by the evaluator from the training split.
/// </summary>
/// <param name="Richness">Number of member galaxies in the cylinder.</param>
/// <param name="SigmaLosKmPerS">Line-of-sight velocity dispersion of the members, km/s.</param>
/// <param name="Redshift">Cluster redshift.</param>
/// <param name="Parameters">Range of each target parameter by name (e.g. log10_m200c in log10 h^-1 M_sun).</param>
/// <param name="ImageTotal">Range of <see cref="ImageStatistics.Total"/>.</param>
/// <param name="ImagePeakOverMean">Range of <see cref="ImageStatistics.PeakOverMean"/>.</param>
/// <param name="ApertureCoverage">
/// How far the training views' galaxies reach into the aperture, per richness and redshift (written by
/// <c>trainer aperture</c>); null in cards made before it was recorded, which then cannot notice a truncated field of view.
/// </param>
public sealed record TrainingDomain(
    ValueRange Richness,
    ValueRange SigmaLosKmPerS,
    ValueRange Redshift,
    IReadOnlyDictionary<string, ValueRange> Parameters,
    ValueRange ImageTotal,
    ValueRange ImagePeakOverMean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApertureCoverage? ApertureCoverage = null)
{
    /// <summary>One reason per quantity outside its training range; empty when the input is in the domain.</summary>
    public IReadOnlyList<string> Violations(double richness, double sigmaLosKmPerS, double redshift, ImageStatistics image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reasons = new List<string>();
        Check(reasons, "richness", richness, Richness);
        Check(reasons, "sigma_los_km_per_s", sigmaLosKmPerS, SigmaLosKmPerS);
        Check(reasons, "redshift", redshift, Redshift);
        Check(reasons, "image_total", image.Total, ImageTotal);
        Check(reasons, "image_peak_over_mean", image.PeakOverMean, ImagePeakOverMean);
        return reasons;
    }

    private static void Check(List<string> reasons, string name, double value, ValueRange range)
    {
        if (!range.Contains(value))
        {
            reasons.Add($"{name} {value:G4} outside training range [{range.Min:G4}, {range.Max:G4}]");
        }
    }
}
