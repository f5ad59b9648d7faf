using ScottPlot;

namespace StreamProcessor.Plotting;

/// <summary>
/// A grouped bar chart: one group of bars per category (e.g. halo class), one bar per series (e.g. model variant) in
/// each group, in a fixed colour per series. Used for the map models' ordering figure (R² of halo mass per class for
/// X-ray, HI and multifield, idealised and with survey limits). Non-finite values are skipped, never drawn.
/// </summary>
public static class GroupedBarPlots
{
    /// <summary>Writes the chart to <paramref name="path"/> and returns it.</summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="categories">Group labels along the x axis.</param>
    /// <param name="series">Series labels (legend).</param>
    /// <param name="values">[series][category] bar heights.</param>
    /// <param name="yLabel">Y axis label.</param>
    /// <param name="yMin">Lower y limit (the bars start at zero; a negative R² is clipped here).</param>
    /// <param name="yMax">Upper y limit; null: just above the tallest bar.</param>
    public static string Write(string path, string title, IReadOnlyList<string> categories, IReadOnlyList<string> series, double[][] values, string yLabel, double yMin = 0, double? yMax = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfZero(categories.Count);
        if (values.Length != series.Count || values.Any(v => v.Length != categories.Count))
        {
            throw new ArgumentException($"Need [{series.Count}][{categories.Count}] values.", nameof(values));
        }

        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / series.Count;
        for (int s = 0; s < series.Count; s++)
        {
            var bars = new List<Bar>();
            for (int c = 0; c < categories.Count; c++)
            {
                if (!double.IsFinite(values[s][c])) continue;
                bars.Add(new Bar { Position = c - 0.4 + (width * (s + 0.5)), Value = Math.Max(values[s][c], yMin), Size = width * 0.9 });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Color = palette.GetColor(s);
            plottable.LegendText = series[s];
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, categories.Count).Select(c => (double)c)], [.. categories]);
        double top = yMax ?? (1.1 * values.SelectMany(v => v).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        plot.Axes.SetLimits(-0.6, categories.Count - 0.4, yMin, top);
        plot.YLabel(yLabel);
        plot.Title(title);
        plot.ShowLegend(Edge.Right);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        plot.SavePng(path, 200 + (categories.Count * 60 * Math.Max(2, series.Count)) + 300, 600);
        return path;
    }
}
