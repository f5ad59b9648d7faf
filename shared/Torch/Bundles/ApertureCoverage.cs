using System.Globalization;
using System.Text.Json.Serialization;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// How far into the aperture the kept galaxies of the training views reach, per richness and redshift bin: the
/// out-of-distribution test for a truncated field of view. A catalogue whose spectra cover only R &lt; R_t of the
/// 1.6 h^-1 Mpc aperture gives a phase-space image with an empty outer part, which the CNN reads as a smaller cluster
/// (issue 14: an SDSS cluster covered to ~0.9 Mpc came out ~0.5 dex low, unflagged).
/// </summary>
/// <remarks>
/// <para>Statistic: the projected radius of the <see cref="MemberRank"/>-th farthest kept galaxy (the reach), in units of
/// the radius R_σ = √2 σ_los / (10 H(z)) that the galaxies' own line-of-sight dispersion implies (the radius inside which
/// a singular isothermal sphere of that dispersion is 200 times the critical density; R200c ∝ σ/H(z) for any virialised
/// halo). Under a truncation every kept galaxy lies inside R_t, so the largest radii are where it shows; for independent
/// radii the maximum is the sufficient statistic for a truncation point, hence k = 1 by default. Dividing by R_σ separates
/// what the raw reach confuses: a poor, compact cluster whose members stop at 0.6 h^-1 Mpc because its R200c is 0.6, and
/// a massive one (large σ, R200c ~1.5) whose spectra stop there. The cut keeps the core's high dispersion, so its reach
/// in R_σ falls far below that of any full view.</para>
/// <para>Threshold: the reach at full coverage depends on how many galaxies are drawn (the largest of N radii grows with N)
/// and on redshift (R200c in physical h^-1 Mpc shrinks with z, and the share of background interlopers, which fill the
/// aperture uniformly in area, changes); on the wide-redshift training mocks the second-farthest galaxy reaches a median
/// 0.72 of the aperture and 1 % of views only 0.23, so no fixed radius works. Each bin's threshold is therefore the
/// <see cref="FlagQuantile"/> quantile (1 %) of the statistic over the training views with that richness and redshift: a
/// view like the training ones is flagged with that probability whatever its richness. A calibrated one-sided test: it
/// needs no model of the radial distribution, only the views the network was trained on.</para>
/// <para>Measured by <c>trainer aperture</c> on the held-out haloes of the shipped model's dataset (numbers in the card):
/// with the spectra cut to R &lt; 0.63 h^-1 Mpc, this statistic flags 78 % of the views whose CNN mass the cut lowers by
/// more than 0.1 dex, the raw reach in h^-1 Mpc at the same 1 % false-flag rate only 60 %, and the views it misses move by
/// −0.09 dex on average against −0.19.</para>
/// </remarks>
/// <param name="ApertureRadiusMpcOverH">Aperture of the training views' observational limits, h^-1 Mpc.</param>
/// <param name="MemberRank">k of the statistic: the reach is the radius of the k-th farthest kept galaxy.</param>
/// <param name="OmegaM">Ω_m of the flat ΛCDM background in which H(z) of R_σ is computed (the training simulator's).</param>
/// <param name="FlagQuantile">Quantile of the training statistic used as each bin's threshold (0.01: 1 % of training views flagged).</param>
/// <param name="Bins">Thresholds per (richness, redshift) bin, ordered by redshift then richness.</param>
/// <param name="Checks">What the test does on held-out mocks, full and truncated (written by <c>trainer aperture</c>); null when not measured.</param>
public sealed record ApertureCoverage(
    double ApertureRadiusMpcOverH,
    int MemberRank,
    double OmegaM,
    double FlagQuantile,
    IReadOnlyList<ApertureCoverageBin> Bins,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApertureCoverageCheck>? Checks = null)
{
    /// <summary>Radius of the <paramref name="rank"/>-th farthest of <paramref name="rProjMpcOverH"/> (non-finite radii ignored); NaN when fewer remain.</summary>
    public static double Reach(IReadOnlyList<double> rProjMpcOverH, int rank)
    {
        ArgumentNullException.ThrowIfNull(rProjMpcOverH);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        double[] radii = [.. rProjMpcOverH.Where(double.IsFinite)];
        if (radii.Length < rank) return double.NaN;
        Array.Sort(radii);
        return radii[^rank];
    }

    /// <summary>
    /// R_σ = √2 σ_los / (10 H(z)) in physical h^-1 Mpc, H(z) = 100 h E(z) km/s/Mpc in flat ΛCDM of <paramref name="omegaM"/>:
    /// the R200c of a singular isothermal sphere of line-of-sight dispersion <paramref name="sigmaLosKmPerS"/>.
    /// </summary>
    public static double DispersionRadiusMpcOverH(double sigmaLosKmPerS, double redshift, double omegaM)
    {
        double e = Math.Sqrt((omegaM * Math.Pow(1 + redshift, 3)) + (1 - omegaM));
        return Math.Sqrt(2) * sigmaLosKmPerS / (1000 * e);
    }

    /// <summary>Reach / R_σ of one view; NaN when it has fewer galaxies than the rank or no positive dispersion.</summary>
    public double Statistic(IReadOnlyList<double> rProjMpcOverH, double sigmaLosKmPerS, double redshift) =>
        Statistic(Reach(rProjMpcOverH, MemberRank), sigmaLosKmPerS, redshift, OmegaM);

    /// <summary>Reach / R_σ from a reach already measured; NaN when the dispersion is not positive.</summary>
    public static double Statistic(double reachMpcOverH, double sigmaLosKmPerS, double redshift, double omegaM) =>
        sigmaLosKmPerS > 0 ? reachMpcOverH / DispersionRadiusMpcOverH(sigmaLosKmPerS, redshift, omegaM) : double.NaN;

    /// <summary>
    /// The bin for a view: the redshift row holding <paramref name="redshift"/> (clamped to the rows' span; redshift
    /// outside the training range is flagged by <see cref="TrainingDomain"/> itself), then the richness bin holding
    /// <paramref name="richness"/> (the first bin below the training richness, the last above it).
    /// </summary>
    public ApertureCoverageBin BinFor(int richness, double redshift)
    {
        if (Bins.Count == 0) throw new InvalidOperationException("The aperture-coverage table has no bins.");
        double rowStart = Bins.Select(b => b.RedshiftMin).Where(z => z <= redshift).DefaultIfEmpty(Bins.Min(b => b.RedshiftMin)).Max();
        var row = Bins.Where(b => b.RedshiftMin == rowStart).OrderBy(b => b.RichnessMin).ToList();
        return row.LastOrDefault(b => b.RichnessMin <= richness) ?? row[0];
    }

    /// <summary>
    /// Null when the kept galaxies reach as far (in R_σ) as at least <see cref="FlagQuantile"/> of the training views of
    /// the same richness and redshift; else the reason, starting with "aperture" (the metrics category).
    /// </summary>
    public string? Violation(IReadOnlyList<double> memberRProjMpcOverH, double sigmaLosKmPerS, double redshift)
    {
        ArgumentNullException.ThrowIfNull(memberRProjMpcOverH);
        double reach = Reach(memberRProjMpcOverH, MemberRank);
        double statistic = Statistic(reach, sigmaLosKmPerS, redshift, OmegaM);
        if (double.IsNaN(statistic)) return null; // too few galaxies for a dispersion: the richness check rejects such catalogues
        int richness = memberRProjMpcOverH.Count;
        ApertureCoverageBin bin = BinFor(richness, redshift);
        if (statistic >= bin.Threshold) return null;
        double rSigma = DispersionRadiusMpcOverH(sigmaLosKmPerS, redshift, OmegaM);
        return string.Create(CultureInfo.InvariantCulture,
            $"aperture coverage: members reach only {reach:0.00} h^-1 Mpc of {ApertureRadiusMpcOverH:0.0##} ({Ordinal(MemberRank)} farthest of {richness}), " +
            $"{statistic:0.00} of the R_sigma = {rSigma:0.00} h^-1 Mpc their dispersion ({sigmaLosKmPerS:0} km/s) implies; " +
            $"fewer than {FlagQuantile * 100:0.##} % of training views with {bin.RichnessText} members at z {bin.RedshiftMin:0.0#}-{bin.RedshiftMax:0.0#} " +
            $"reach less than {bin.Threshold:0.00} R_sigma: the spectra may not cover the aperture");
    }

    private static string Ordinal(int k) => k switch
    {
        1 => "the",
        2 => "2nd",
        3 => "3rd",
        _ => string.Create(CultureInfo.InvariantCulture, $"{k}th"),
    };
}
