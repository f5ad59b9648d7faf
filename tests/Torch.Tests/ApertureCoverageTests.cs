using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Tests;

/// <summary>The aperture-coverage statistic, its per-(richness, redshift) thresholds, and their lookup.</summary>
public sealed class ApertureCoverageTests
{
    [Fact]
    public void Reach_is_the_radius_of_the_kth_farthest_galaxy_ignoring_non_finite_radii()
    {
        double[] radii = [0.3, 1.5, double.NaN, 0.9, 1.2, 0.1];

        Assert.Equal(1.5, ApertureCoverage.Reach(radii, 1));
        Assert.Equal(1.2, ApertureCoverage.Reach(radii, 2));
        Assert.Equal(0.9, ApertureCoverage.Reach(radii, 3));
        Assert.True(double.IsNaN(ApertureCoverage.Reach(radii, 6)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ApertureCoverage.Reach(radii, 0));
    }

    [Fact]
    public void Quantile_interpolates_linearly_between_order_statistics()
    {
        Assert.Equal(2.5, ApertureCoverageBuilder.Quantile([1, 2, 3, 4], 0.5));
        Assert.Equal(1.03, ApertureCoverageBuilder.Quantile([1, 2, 3, 4], 0.01), 12);
        Assert.Equal(7, ApertureCoverageBuilder.Quantile([7], 0.01));
    }

    [Fact]
    public void Each_bin_holds_enough_views_and_flags_about_the_quantile_of_its_own_views()
    {
        var views = SyntheticViews(20_000, seed: 3);

        var table = ApertureCoverageBuilder.Build(views, 1.6, memberRank: 2, omegaM: 0.3111, flagQuantile: 0.01, redshiftEdges: [0.03, 0.5, 1.1], minViewsPerBin: 500);

        Assert.Equal([0.03, 0.5], table.Bins.Select(b => b.RedshiftMin).Distinct());
        foreach (var row in table.Bins.GroupBy(b => b.RedshiftMin))
        {
            var bins = row.OrderBy(b => b.RichnessMin).ToList();
            Assert.Equal(11, bins[0].RichnessMin);
            // Contiguous richness ranges: every richness has exactly one bin.
            Assert.All(bins.Zip(bins.Skip(1)), p => Assert.Equal(p.First.RichnessMax + 1, p.Second.RichnessMin));
            Assert.All(bins, b => Assert.True(b.Views >= 500, $"{b.RichnessText}: {b.Views} views"));
        }

        // Richer views reach further at full coverage, so the thresholds rise with richness.
        var low = table.BinFor(12, 0.2);
        var high = table.BinFor(80, 0.2);
        Assert.True(high.Threshold > low.Threshold, $"{high.Threshold} vs {low.Threshold}");

        // In-sample, each bin flags at most its quantile (plus the one view a type-7 quantile can leave below it).
        foreach (var bin in table.Bins)
        {
            var inBin = views.Where(v => table.BinFor(v.Richness, v.Redshift) == bin).ToList();
            Assert.Equal(bin.Views, inBin.Count);
            int flagged = inBin.Count(v => v.Statistic < bin.Threshold);
            Assert.InRange(flagged, (int)(0.01 * inBin.Count) - 1, (int)Math.Ceiling(0.01 * inBin.Count) + 1);
        }
    }

    [Fact]
    public void Lookup_clamps_richness_and_redshift_to_the_tables_bins()
    {
        var table = new ApertureCoverage(1.6, 2, 0.3111, 0.01,
        [
            new ApertureCoverageBin(11, 20, 0.03, 0.5, 600, 0.5, 1.0),
            new ApertureCoverageBin(21, 300, 0.03, 0.5, 600, 0.8, 1.2),
            new ApertureCoverageBin(11, 15, 0.5, 1.1, 600, 0.3, 0.7),
            new ApertureCoverageBin(16, 200, 0.5, 1.1, 600, 0.6, 0.9),
        ]);

        Assert.Equal(0.5, table.BinFor(5, 0.01).Threshold);    // below both ranges: first bin of the first row
        Assert.Equal(0.5, table.BinFor(20, 0.3).Threshold);
        Assert.Equal(0.8, table.BinFor(21, 0.3).Threshold);
        Assert.Equal(0.8, table.BinFor(900, 0.49).Threshold);  // above the richest bin: the richest bin
        Assert.Equal(0.3, table.BinFor(15, 0.5).Threshold);    // a row's lower edge belongs to it
        Assert.Equal(0.6, table.BinFor(16, 1.7).Threshold);    // beyond the last row: the last row
    }

    [Fact]
    public void The_dispersion_radius_is_the_R200c_of_an_isothermal_sphere()
    {
        // √2 σ / (10 H): 1000 km/s at z = 0 gives √2 h^-1 Mpc; it shrinks as 1/E(z).
        Assert.Equal(Math.Sqrt(2), ApertureCoverage.DispersionRadiusMpcOverH(1000, 0, 0.3111), 12);
        double e = Math.Sqrt((0.3111 * 8) + 0.6889);
        Assert.Equal(Math.Sqrt(2) / e, ApertureCoverage.DispersionRadiusMpcOverH(1000, 1, 0.3111), 12);
        Assert.True(double.IsNaN(ApertureCoverage.Statistic(0.5, 0, 0.3, 0.3111)));
    }

    [Fact]
    public void A_view_reaching_less_than_its_bins_threshold_in_dispersion_radii_is_a_violation_named_aperture()
    {
        var table = new ApertureCoverage(1.6, 1, 0.3111, 0.01, [new ApertureCoverageBin(11, 40, 0.03, 1.1, 600, 0.7, 1.1)]);
        double[] full = [.. Enumerable.Range(0, 15).Select(i => 0.1 * i)];          // farthest at 1.4
        double[] truncated = [.. Enumerable.Range(0, 15).Select(i => 0.03 * i)];    // farthest at 0.42

        // 700 km/s at z = 0.4: R_sigma = 0.797 h^-1 Mpc, so 1.4 is 1.76 R_sigma and 0.42 only 0.53.
        Assert.Null(table.Violation(full, 700, 0.4));
        string? reason = table.Violation(truncated, 700, 0.4);

        Assert.Equal(
            "aperture coverage: members reach only 0.42 h^-1 Mpc of 1.6 (the farthest of 15), 0.53 of the R_sigma = 0.80 h^-1 Mpc their dispersion (700 km/s) implies; " +
            "fewer than 1 % of training views with 11-40 members at z 0.03-1.1 reach less than 0.70 R_sigma: the spectra may not cover the aperture",
            reason);
        // The same members with a 250 km/s dispersion: a compact poor cluster (R_sigma 0.28), not a truncated field.
        Assert.Null(table.Violation(truncated, 250, 0.4));
        // Without a dispersion the statistic is undefined; the richness check rejects such catalogues upstream.
        Assert.Null(table.Violation([0.1], double.NaN, 0.4));
    }

    /// <summary>
    /// Views whose galaxies lie uniformly in area inside 1.6 (R = 1.6 √u) at richness 11-120: the reach of the k-th
    /// farthest grows with richness, as in the mocks.
    /// </summary>
    private static List<ApertureCoverageView> SyntheticViews(int count, int seed)
    {
        var random = new Random(seed);
        var views = new List<ApertureCoverageView>(count);
        for (int i = 0; i < count; i++)
        {
            int richness = 11 + (int)(109 * Math.Pow(random.NextDouble(), 2));
            double[] radii = [.. Enumerable.Range(0, richness).Select(_ => 1.6 * Math.Sqrt(random.NextDouble()) * (0.3 + (0.7 * random.NextDouble())))];
            views.Add(new ApertureCoverageView(richness, 0.03 + (1.07 * random.NextDouble()), ApertureCoverage.Reach(radii, 2)));
        }
        return views;
    }
}
