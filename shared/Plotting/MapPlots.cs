using ScottPlot;

namespace StreamProcessor.Plotting;

/// <summary>
/// Figures of maps: per channel, the log10 map in grey with an attribution (e.g. integrated gradients) laid over it in a
/// diverging colour map, half transparent, so one sees which structures (core, outskirts, satellites, HI disc) drive a
/// prediction. Row 0 of a map is drawn at the bottom, as in the sky-map schema.
/// </summary>
public static class MapPlots
{
    /// <summary>Pixels of one channel panel.</summary>
    public const int PanelPixels = 520;

    /// <summary>Writes the overlay figure to <paramref name="path"/> and returns it.</summary>
    /// <param name="path">PNG file to write; its folder is created.</param>
    /// <param name="title">Title of the figure (the first panel carries it).</param>
    /// <param name="channels">Channel names, e.g. "xray", "hi".</param>
    /// <param name="log10Maps">[channel][row * side + column] log10 pixel values.</param>
    /// <param name="attributions">[channel][row * side + column] attributions, in the parameter's units.</param>
    /// <param name="side">Pixels per side.</param>
    public static string AttributionOverlay(string path, string title, IReadOnlyList<string> channels, float[][] log10Maps, float[][] attributions, int side)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (log10Maps.Length != channels.Count || attributions.Length != channels.Count || log10Maps.Concat(attributions).Any(m => m.Length != side * side))
        {
            throw new ArgumentException($"Need {channels.Count} maps and attributions of {side}x{side} values.");
        }

        var multiplot = new Multiplot();
        multiplot.AddPlots(channels.Count);
        double limit = Math.Max(1e-30, attributions.SelectMany(a => a).Select(v => Math.Abs((double)v)).Where(double.IsFinite).DefaultIfEmpty(1).Max());
        for (int c = 0; c < channels.Count; c++)
        {
            var plot = multiplot.GetPlot(c);
            var map = plot.Add.Heatmap(Grid(log10Maps[c], side));
            map.Colormap = new ScottPlot.Colormaps.Grayscale();
            // Attributions under 2 % of the largest are left transparent, so the map shows through where nothing matters;
            // a channel with none above that has no overlay (ScottPlot cannot scale a heatmap of nothing but NaN).
            var shown = Grid(attributions[c], side, hideBelow: 0.02 * limit);
            if (shown.Cast<double>().Any(double.IsFinite))
            {
                var overlay = plot.Add.Heatmap(shown);
                overlay.ManualRange = new ScottPlot.Range(-limit, limit);
                overlay.NaNCellColor = Colors.Transparent;
                overlay.Colormap = new ScottPlot.Colormaps.Balance();
                overlay.Opacity = 0.7;
                plot.Add.ColorBar(overlay);
            }

            plot.Title(c == 0 ? $"{channels[c]}: {title}" : channels[c], 12);
            plot.XLabel("pixel (4 kpc)", 11);
        }

        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, channels.Count);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        multiplot.SavePng(path, PanelPixels * channels.Count, PanelPixels);
        return path;
    }

    // ScottPlot draws row 0 of the array at the top; the schema puts row 0 at the bottom.
    private static double[,] Grid(float[] values, int side, double hideBelow = double.NegativeInfinity)
    {
        var grid = new double[side, side];
        for (int row = 0; row < side; row++)
        {
            for (int column = 0; column < side; column++)
            {
                double value = values[(row * side) + column];
                grid[side - 1 - row, column] = Math.Abs(value) < hideBelow ? double.NaN : value;
            }
        }

        return grid;
    }
}
