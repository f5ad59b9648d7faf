using System.Globalization;
using ScottPlot;

namespace StreamProcessor.Plotting;

/// <summary>
/// PNG figures of a multi-parameter posterior model (the 28 CAMELS cosmological + astrophysical parameters, the 6 CGM
/// properties). Plain arrays in, indexed [parameter][sample], [parameter][level] or [parameter][bin], in the order the
/// panels are drawn; a file out, whose path is returned. Non-finite values are skipped, never drawn.
/// </summary>
public static class ParameterPlots
{
    /// <summary>Width and height of one panel of a grid figure (28 panels: 6 × 5 panels, 1560 × 1300 px).</summary>
    public const int PanelPixels = 260;
    public const int CoverageWidthPixels = 900;
    public const int CoverageHeightPixels = 700;
    public const int BarsHeightPixels = 600;

    private static readonly Color BelowThresholdColor = Colors.Crimson;

    /// <summary>About √n columns and as many rows as the panels need.</summary>
    public static (int Columns, int Rows) GridShape(int panels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(panels, 1);
        int columns = 1;
        while (columns * columns < panels) columns++;
        return (columns, (panels + columns - 1) / columns);
    }

    /// <summary>Pixel size of a grid figure of <paramref name="panels"/> panels.</summary>
    public static (int Width, int Height) GridPixels(int panels)
    {
        var (columns, rows) = GridShape(panels);
        return (columns * PanelPixels, rows * PanelPixels);
    }

    /// <summary>Pixel size of <see cref="CorrelationBars"/> for <paramref name="parameters"/> bars.</summary>
    public static (int Width, int Height) CorrelationBarsPixels(int parameters) => (Math.Max(700, 260 + (40 * parameters)), BarsHeightPixels);

    /// <summary>Pearson r over the pairs where both values are finite; NaN with under two pairs or zero variance.</summary>
    public static double PearsonR(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} values, y has {y.Count}.", nameof(y));
        int[] pairs = Enumerable.Range(0, x.Count).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        if (pairs.Length < 2) return double.NaN;
        double meanX = pairs.Average(i => x[i]);
        double meanY = pairs.Average(i => y[i]);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (int i in pairs)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1) : double.NaN;
    }

    /// <summary>
    /// One panel per parameter: posterior mean against truth with 1σ error bars, the 1:1 line, and "name r = 0.xx" (Pearson
    /// r over all finite samples) as title, coloured by group. Samples with a non-finite truth or mean are skipped; a
    /// non-finite or negative σ draws no bar. At most <paramref name="maxPointsPerPanel"/> points are drawn per panel,
    /// evenly spaced in sample order (deterministic); null draws all.
    /// </summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="names">Parameter names, in panel order (cosmological first).</param>
    /// <param name="groups">Group of each parameter ("cosmological", "astrophysical"); one colour per group.</param>
    /// <param name="truth">True values, [parameter][sample].</param>
    /// <param name="mean">Posterior means, [parameter][sample].</param>
    /// <param name="sigma">Posterior 1σ widths, [parameter][sample].</param>
    /// <param name="maxPointsPerPanel">Most points drawn per panel; null for all.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string PredictedVersusTrue(string path, IReadOnlyList<string> names, IReadOnlyList<string> groups, double[][] truth, double[][] mean, double[][] sigma, int? maxPointsPerPanel = 2000)
    {
        RequirePathAndNames(path, names);
        RequireCount(groups, names.Count, nameof(groups));
        RequireRows(truth, names.Count, nameof(truth));
        RequireRows(mean, names.Count, nameof(mean));
        RequireRows(sigma, names.Count, nameof(sigma));
        for (int p = 0; p < names.Count; p++)
        {
            RequireLength(mean[p], truth[p].Length, $"mean[{p}]", nameof(mean));
            RequireLength(sigma[p], truth[p].Length, $"sigma[{p}]", nameof(sigma));
        }
        if (maxPointsPerPanel is < 1) throw new ArgumentOutOfRangeException(nameof(maxPointsPerPanel), maxPointsPerPanel, "Must be at least 1, or null for all points.");

        var colours = GroupColours(groups, []);
        var multiplot = NewGrid(names.Count);
        var labelled = new HashSet<string>();
        for (int p = 0; p < names.Count; p++)
        {
            Plot plot = multiplot.GetPlot(p);
            double[] t = truth[p], m = mean[p], s = sigma[p];
            int[] finite = Enumerable.Range(0, t.Length).Where(i => double.IsFinite(t[i]) && double.IsFinite(m[i])).ToArray();
            int[] shown = Subsample(finite, maxPointsPerPanel);
            if (shown.Length > 0)
            {
                Color colour = colours[groups[p]];
                double[] x = shown.Select(i => t[i]).ToArray();
                double[] y = shown.Select(i => m[i]).ToArray();
                var bars = plot.Add.ErrorBar(x, y, shown.Select(i => double.IsFinite(s[i]) && s[i] > 0 ? s[i] : 0).ToArray());
                bars.Color = colour.WithAlpha(0.25);
                var markers = plot.Add.Markers(x, y, MarkerShape.FilledCircle, 3, colour.WithAlpha(0.6));
                double min = finite.Min(i => t[i]), max = finite.Max(i => t[i]);
                var diagonal = plot.Add.Line(min, min, max, max);
                diagonal.Color = Colors.Black;
                if (labelled.Add(groups[p]))
                {
                    markers.LegendText = groups[p];
                    plot.ShowLegend(Alignment.UpperLeft).FontSize = 10;
                }
            }
            StylePanel(plot, $"{names[p]}  r = {FormatR(PearsonR(t, m))}", "true", "posterior mean");
        }
        return Save(multiplot, path, GridPixels(names.Count));
    }

    /// <summary>
    /// Pearson r per parameter as bars in the colour of its group, or red where r is below its group's threshold; a
    /// dashed line per threshold. A non-finite r draws no bar; a group without a threshold is never below one.
    /// </summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="names">Parameter names, in bar order.</param>
    /// <param name="groups">Group of each parameter.</param>
    /// <param name="pearsonR">r of each parameter (<see cref="PearsonR"/>).</param>
    /// <param name="thresholdByGroup">Lowest acceptable r per group (0.97 cosmological, 0.90 astrophysical).</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string CorrelationBars(string path, IReadOnlyList<string> names, IReadOnlyList<string> groups, IReadOnlyList<double> pearsonR, IReadOnlyDictionary<string, double> thresholdByGroup)
    {
        RequirePathAndNames(path, names);
        RequireCount(groups, names.Count, nameof(groups));
        RequireCount(pearsonR, names.Count, nameof(pearsonR));
        ArgumentNullException.ThrowIfNull(thresholdByGroup);
        foreach (var (group, threshold) in thresholdByGroup)
        {
            if (!double.IsFinite(threshold)) throw new ArgumentException($"Threshold of group '{group}' is {threshold}.", nameof(thresholdByGroup));
        }

        var colours = GroupColours(groups, thresholdByGroup.Keys);
        var barsByGroup = colours.Keys.ToDictionary(g => g, _ => new List<Bar>());
        var below = new List<Bar>();
        double lowest = thresholdByGroup.Count > 0 ? thresholdByGroup.Values.Min() : 1;
        for (int p = 0; p < names.Count; p++)
        {
            double r = pearsonR[p];
            if (!double.IsFinite(r)) continue;
            lowest = Math.Min(lowest, r);
            bool fails = thresholdByGroup.TryGetValue(groups[p], out double threshold) && r < threshold;
            (fails ? below : barsByGroup[groups[p]]).Add(new Bar { Position = p, Value = r, Size = 0.7 });
        }

        var plot = new Plot();
        foreach (var (group, bars) in barsByGroup.Where(kv => kv.Value.Count > 0))
        {
            var plottable = plot.Add.Bars(bars);
            plottable.Color = colours[group];
            plottable.LegendText = group;
        }
        if (below.Count > 0)
        {
            var plottable = plot.Add.Bars(below);
            plottable.Color = BelowThresholdColor;
            plottable.LegendText = "below threshold";
        }
        foreach (string group in colours.Keys.Where(thresholdByGroup.ContainsKey))
        {
            double threshold = thresholdByGroup[group];
            var line = plot.Add.HorizontalLine(threshold, 1.5f, colours[group], LinePattern.Dashed);
            line.LegendText = $"{group} threshold {threshold.ToString("0.00", CultureInfo.InvariantCulture)}";
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(Enumerable.Range(0, names.Count).Select(p => (double)p).ToArray(), names.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 12;
        using (Paint paint = Paint.NewDisposablePaint())
        {
            plot.Axes.Bottom.MinimumSize = names.Max(n => plot.Axes.Bottom.TickLabelStyle.Measure(n, paint).Size.Width) + 10;
        }
        // Bars start at 0 but the axis starts just under the lowest r or threshold, so 0.95 and 0.97 look different.
        double bottom = Math.Max(-1, Math.Floor((lowest - 0.05) * 20) / 20);
        plot.Axes.SetLimits(-0.6, names.Count - 0.4, bottom, 1.02);
        plot.YLabel("Pearson r (posterior mean vs truth)");
        plot.ShowLegend(Edge.Right);
        return Save(plot, path, CorrelationBarsPixels(names.Count));
    }

    /// <summary>
    /// Empirical against nominal coverage, one thin line per parameter (10 colours × 3 line patterns) with the diagonal
    /// and the parameter names as legend. Non-finite levels or coverages are skipped.
    /// </summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="names">Parameter names.</param>
    /// <param name="nominalLevels">Nominal credibility levels in [0, 1].</param>
    /// <param name="empiricalCoverage">Fraction of samples whose truth lies in the interval, [parameter][level].</param>
    /// <param name="title">Figure title.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string CoverageCurves(string path, IReadOnlyList<string> names, IReadOnlyList<double> nominalLevels, double[][] empiricalCoverage, string title)
    {
        RequireCoverage(path, names, nominalLevels, empiricalCoverage, nameof(empiricalCoverage));
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];
        var plot = NewCoveragePlot(title);
        for (int p = 0; p < names.Count; p++)
        {
            var line = AddCoverageLine(plot, nominalLevels, empiricalCoverage[p], Palette(p % 10), 1.5f);
            if (line is null) continue;
            line.LinePattern = patterns[(p / 10) % patterns.Length];
            line.LegendText = names[p];
        }
        plot.Legend.FontSize = 10;
        plot.ShowLegend(Edge.Right);
        return Save(plot, path, (CoverageWidthPixels, CoverageHeightPixels));
    }

    /// <summary>
    /// Empirical against nominal coverage of several estimators ("moment network", "flow"): one colour per estimator,
    /// one thin line per parameter, with the diagonal. Non-finite levels or coverages are skipped.
    /// </summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="names">Parameter names.</param>
    /// <param name="nominalLevels">Nominal credibility levels in [0, 1].</param>
    /// <param name="estimators">Each estimator's coverage, [parameter][level].</param>
    /// <param name="title">Figure title.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string CoverageCurves(string path, IReadOnlyList<string> names, IReadOnlyList<double> nominalLevels, IReadOnlyList<CoverageSeries> estimators, string title)
    {
        ArgumentNullException.ThrowIfNull(estimators);
        if (estimators.Count == 0) throw new ArgumentException("At least one estimator is needed.", nameof(estimators));
        foreach (CoverageSeries estimator in estimators)
        {
            ArgumentNullException.ThrowIfNull(estimator, nameof(estimators));
            RequireCoverage(path, names, nominalLevels, estimator.EmpiricalCoverage, nameof(estimators));
        }
        var plot = NewCoveragePlot(title);
        for (int e = 0; e < estimators.Count; e++)
        {
            bool labelled = false;
            foreach (double[] coverage in estimators[e].EmpiricalCoverage)
            {
                var line = AddCoverageLine(plot, nominalLevels, coverage, Palette(e).WithAlpha(0.6), 1f);
                if (line is null || labelled) continue;
                line.LegendText = estimators[e].Label;
                labelled = true;
            }
        }
        plot.ShowLegend(Alignment.UpperLeft).FontSize = 12;
        return Save(plot, path, (CoverageWidthPixels, CoverageHeightPixels));
    }

    /// <summary>
    /// Simulation-based-calibration rank histogram per parameter, with the uniform expectation (mean count per bin) and
    /// its band mean ± 2√mean in grey; bins outside the band are red.
    /// </summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="names">Parameter names, in panel order.</param>
    /// <param name="counts">Rank counts, [parameter][bin]; every parameter has the same number of bins.</param>
    /// <returns><paramref name="path"/>.</returns>
    public static string RankHistograms(string path, IReadOnlyList<string> names, int[][] counts)
    {
        RequirePathAndNames(path, names);
        ArgumentNullException.ThrowIfNull(counts);
        RequireRows(counts, names.Count, nameof(counts));
        int bins = counts[0].Length;
        if (bins == 0) throw new ArgumentException("counts[0] has no bins.", nameof(counts));
        for (int p = 0; p < names.Count; p++)
        {
            RequireLength(counts[p], bins, $"counts[{p}]", nameof(counts));
            if (counts[p].Any(c => c < 0)) throw new ArgumentException($"counts[{p}] has a negative count.", nameof(counts));
        }

        var multiplot = NewGrid(names.Count);
        for (int p = 0; p < names.Count; p++)
        {
            Plot plot = multiplot.GetPlot(p);
            double expected = counts[p].Sum(c => (double)c) / bins;
            double low = Math.Max(0, expected - (2 * Math.Sqrt(expected))), high = expected + (2 * Math.Sqrt(expected));
            var band = plot.Add.VerticalSpan(low, high, Colors.Gray.WithAlpha(0.3));
            band.LineWidth = 0;
            plot.Add.HorizontalLine(expected, 1, Colors.Gray);
            var bars = counts[p].Select((c, b) => new Bar
            {
                Position = b,
                Value = c,
                Size = 1,
                FillColor = c < low || c > high ? BelowThresholdColor : Colors.SteelBlue,
                LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars);
            plot.Axes.SetLimits(-0.5, bins - 0.5, 0, Math.Max(1, Math.Max(high, counts[p].Max())) * 1.1);
            StylePanel(plot, names[p], "rank bin", "count");
        }
        return Save(multiplot, path, GridPixels(names.Count));
    }

    private static Plot NewCoveragePlot(string title)
    {
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "calibrated";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title(title ?? string.Empty);
        plot.XLabel("nominal coverage");
        plot.YLabel("empirical coverage");
        return plot;
    }

    private static ScottPlot.Plottables.Scatter? AddCoverageLine(Plot plot, IReadOnlyList<double> levels, double[] coverage, Color colour, float width)
    {
        int[] finite = Enumerable.Range(0, levels.Count).Where(k => double.IsFinite(levels[k]) && double.IsFinite(coverage[k])).ToArray();
        if (finite.Length == 0) return null;
        var line = plot.Add.ScatterLine(finite.Select(k => levels[k]).ToArray(), finite.Select(k => coverage[k]).ToArray(), colour);
        line.LineWidth = width;
        return line;
    }

    private static int[] Subsample(int[] indices, int? max) =>
        max is not { } m || indices.Length <= m
            ? indices
            : Enumerable.Range(0, m).Select(k => indices[(int)((long)k * indices.Length / m)]).ToArray();

    private static string FormatR(double r) => double.IsFinite(r) ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static Multiplot NewGrid(int panels)
    {
        var (columns, rows) = GridShape(panels);
        var multiplot = new Multiplot();
        multiplot.AddPlots(panels);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        return multiplot;
    }

    private static void StylePanel(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, 13);
        plot.XLabel(xLabel, 11);
        plot.YLabel(yLabel, 11);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
    }

    /// <summary>Colour of each group in order of first appearance; red stays free for failures.</summary>
    private static Dictionary<string, Color> GroupColours(IEnumerable<string> groups, IEnumerable<string> more)
    {
        var colours = new Dictionary<string, Color>();
        foreach (string group in groups.Concat(more))
        {
            if (!colours.ContainsKey(group)) colours[group] = Palette(colours.Count < 3 ? colours.Count : colours.Count + 1);
        }
        return colours;
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);

    private static string Save(Plot plot, string path, (int Width, int Height) size)
    {
        CreateFolder(path);
        plot.SavePng(path, size.Width, size.Height);
        return path;
    }

    private static string Save(Multiplot multiplot, string path, (int Width, int Height) size)
    {
        CreateFolder(path);
        multiplot.SavePng(path, size.Width, size.Height);
        return path;
    }

    private static void CreateFolder(string path)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private static void RequirePathAndNames(string path, IReadOnlyList<string> names)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0) throw new ArgumentException("At least one parameter is needed.", nameof(names));
        if (names.Any(n => n is null)) throw new ArgumentException("A parameter name is null.", nameof(names));
    }

    private static void RequireCount<T>(IReadOnlyList<T> values, int count, string argument)
    {
        ArgumentNullException.ThrowIfNull(values, argument);
        if (values.Count != count) throw new ArgumentException($"{argument} has {values.Count} entries for {count} parameters.", argument);
        if (values.Any(v => v is null)) throw new ArgumentException($"{argument} has a null entry.", argument);
    }

    private static void RequireRows<T>(T[][] rows, int count, string argument)
    {
        ArgumentNullException.ThrowIfNull(rows, argument);
        if (rows.Length != count) throw new ArgumentException($"{argument} has {rows.Length} rows for {count} parameters.", argument);
        for (int p = 0; p < rows.Length; p++)
        {
            if (rows[p] is null) throw new ArgumentException($"{argument}[{p}] is null.", argument);
        }
    }

    private static void RequireLength<T>(T[] row, int length, string what, string argument)
    {
        if (row.Length != length) throw new ArgumentException($"{what} has {row.Length} values, expected {length} (ragged array).", argument);
    }

    private static void RequireCoverage(string path, IReadOnlyList<string> names, IReadOnlyList<double> levels, double[][] coverage, string argument)
    {
        RequirePathAndNames(path, names);
        ArgumentNullException.ThrowIfNull(levels, "nominalLevels");
        if (levels.Count == 0) throw new ArgumentException("At least one nominal level is needed.", "nominalLevels");
        RequireRows(coverage, names.Count, argument);
        for (int p = 0; p < names.Count; p++) RequireLength(coverage[p], levels.Count, $"coverage[{p}]", argument);
    }
}
