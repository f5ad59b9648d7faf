using System.Globalization;
using System.Text.Json.Serialization;

namespace StreamProcessor.Torch.Bundles;

/// <summary>One (richness, redshift) bin of <see cref="ApertureCoverage"/>: how far the training views in it reach.</summary>
/// <param name="RichnessMin">Fewest kept galaxies in the bin (inclusive).</param>
/// <param name="RichnessMax">Most kept galaxies in the bin (inclusive); the last bin of a row also serves richer views.</param>
/// <param name="RedshiftMin">Lower redshift edge of the bin's row (inclusive).</param>
/// <param name="RedshiftMax">Upper redshift edge of the bin's row.</param>
/// <param name="Views">Training views the threshold was measured on.</param>
/// <param name="Threshold">The flag quantile of their reach in units of R_σ (<see cref="ApertureCoverage"/>): a view reaching less is flagged.</param>
/// <param name="Median">Median reach of the bin's training views in units of R_σ (for the card's reader).</param>
public sealed record ApertureCoverageBin(
    int RichnessMin,
    int RichnessMax,
    double RedshiftMin,
    double RedshiftMax,
    int Views,
    double Threshold,
    double Median)
{
    /// <summary>"11-12", "40" or "150+" style label of the richness range, for reasons and the card.</summary>
    [JsonIgnore]
    public string RichnessText => RichnessMin == RichnessMax
        ? RichnessMin.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{RichnessMin}-{RichnessMax}");
}
