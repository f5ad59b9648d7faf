using System.Globalization;
using System.Text;

namespace StreamProcessor.Torch.Bundles;

/// <summary>The aperture-coverage part of card.md: the statistic, its per-bin thresholds, and what it did on held-out mocks.</summary>
public static class ApertureCoverageMarkdown
{
    /// <summary>Appends the section to <paramref name="md"/>.</summary>
    public static void Append(StringBuilder md, ApertureCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(md);
        ArgumentNullException.ThrowIfNull(coverage);
        var c = CultureInfo.InvariantCulture;
        md.AppendLine();
        md.AppendLine("### Aperture coverage (truncated field of view)");
        md.AppendLine();
        md.Append(c, $"Statistic: the projected radius reached by the kept galaxy of rank {coverage.MemberRank} from the outside (aperture {coverage.ApertureRadiusMpcOverH:0.0##} h^-1 Mpc), ");
        md.Append(c, $"in units of R_sigma = sqrt(2) sigma_los / (10 H(z)) (flat LCDM, Omega_m = {coverage.OmegaM:0.####}). ");
        md.Append(c, $"A view reaching less than its bin's threshold (the {coverage.FlagQuantile * 100:0.##} % quantile of the training views with the same richness and redshift) ");
        md.AppendLine("is flagged out of distribution with reason \"aperture coverage: ...\".");
        md.AppendLine();
        md.AppendLine("| z | members | training views | threshold (R_sigma) | median reach (R_sigma) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (ApertureCoverageBin bin in coverage.Bins)
        {
            md.AppendLine(c, $"| {bin.RedshiftMin:0.0#}-{bin.RedshiftMax:0.0#} | {bin.RichnessText} | {bin.Views} | {bin.Threshold:0.000} | {bin.Median:0.000} |");
        }

        if (coverage.Checks is not { Count: > 0 } checks) return;
        md.AppendLine();
        md.AppendLine("Held-out mock views (haloes neither the network nor the thresholds saw), with every galaxy beyond the cut removed before the observational limits:");
        md.AppendLine();
        md.AppendLine("| spectra cover | views kept | flagged | CNN bias, 10^14-10^15 (dex) | CNN shift from full coverage, 10^14-10^15 (dex) |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (ApertureCoverageCheck check in checks)
        {
            string cover = check.TruncationRadiusMpcOverH is { } r ? string.Create(c, $"R < {r:0.00#} h^-1 Mpc") : "full aperture";
            md.AppendLine(c, $"| {cover} | {check.Views} | {check.FlaggedFraction * 100:0.0} % | {check.CnnBiasDex:+0.000;-0.000;+0.000} | {check.CnnShiftDex:+0.000;-0.000;+0.000} |");
        }
    }
}
