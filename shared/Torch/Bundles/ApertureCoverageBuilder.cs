namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Builds an <see cref="ApertureCoverage"/> table from training views: one row per redshift bin, and inside each row
/// richness bins that each hold at least <c>minViewsPerBin</c> views (a 1 % quantile of a few hundred views is uncertain
/// by about ±0.5 % in flag rate; of a few dozen, it is just the smallest value).
/// </summary>
public static class ApertureCoverageBuilder
{
    /// <param name="views">Training views (full coverage).</param>
    /// <param name="apertureRadiusMpcOverH">Aperture of their observational limits.</param>
    /// <param name="memberRank">k of the reach statistic the views were measured with.</param>
    /// <param name="omegaM">Ω_m of the background their R_σ was computed in.</param>
    /// <param name="flagQuantile">Quantile taken as each bin's threshold, in (0, 0.5).</param>
    /// <param name="redshiftEdges">Increasing edges of the redshift rows; views outside them join the nearest row.</param>
    /// <param name="minViewsPerBin">Fewest views per richness bin; consecutive richness values are merged until reached.</param>
    public static ApertureCoverage Build(
        IReadOnlyList<ApertureCoverageView> views,
        double apertureRadiusMpcOverH,
        int memberRank,
        double omegaM,
        double flagQuantile,
        IReadOnlyList<double> redshiftEdges,
        int minViewsPerBin)
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(redshiftEdges);
        if (!(flagQuantile is > 0 and < 0.5)) throw new ArgumentOutOfRangeException(nameof(flagQuantile), flagQuantile, "Need 0 < quantile < 0.5.");
        if (redshiftEdges.Count < 2 || redshiftEdges.Zip(redshiftEdges.Skip(1)).Any(p => !(p.Second > p.First)))
        {
            throw new ArgumentException("Need at least two strictly increasing redshift edges.", nameof(redshiftEdges));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(minViewsPerBin, 1);

        var bins = new List<ApertureCoverageBin>();
        for (int row = 0; row < redshiftEdges.Count - 1; row++)
        {
            double zMin = redshiftEdges[row], zMax = redshiftEdges[row + 1];
            bool first = row == 0, last = row == redshiftEdges.Count - 2;
            var inRow = views.Where(v => double.IsFinite(v.Statistic)
                                         && (first || v.Redshift >= zMin)
                                         && (last || v.Redshift < zMax)).ToList();
            if (inRow.Count < minViewsPerBin)
            {
                throw new ArgumentException($"Only {inRow.Count} views at z {zMin}-{zMax}; need at least {minViewsPerBin} per bin.", nameof(views));
            }
            bins.AddRange(Row(inRow, zMin, zMax, flagQuantile, minViewsPerBin));
        }

        return new ApertureCoverage(apertureRadiusMpcOverH, memberRank, omegaM, flagQuantile, bins);
    }

    /// <summary>Type-7 (linear) quantile of ascending <paramref name="sorted"/>, as numpy's default.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        double position = q * (sorted.Count - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static IEnumerable<ApertureCoverageBin> Row(List<ApertureCoverageView> row, double zMin, double zMax, double quantile, int minViews)
    {
        // Groups of equal richness, in order; a bin closes once it holds enough views, and a short tail joins the last bin.
        var groups = row.GroupBy(v => v.Richness).OrderBy(g => g.Key).ToList();
        var spans = new List<List<IGrouping<int, ApertureCoverageView>>>();
        var current = new List<IGrouping<int, ApertureCoverageView>>();
        foreach (var group in groups)
        {
            current.Add(group);
            if (current.Sum(g => g.Count()) >= minViews)
            {
                spans.Add(current);
                current = [];
            }
        }
        if (current.Count > 0)
        {
            if (spans.Count > 0) spans[^1].AddRange(current);
            else spans.Add(current);
        }

        foreach (var span in spans)
        {
            double[] reach = [.. span.SelectMany(g => g).Select(v => v.Statistic).Order()];
            yield return new ApertureCoverageBin(span[0].Key, span[^1].Key, zMin, zMax, reach.Length, Quantile(reach, quantile), Quantile(reach, 0.5));
        }
    }
}
