using ScottPlot;

namespace StreamProcessor.Plotting;

/// <summary>
/// PNG figures of a mass model's evaluation. Plain arrays in, a file out; knows nothing of Torch (ScottPlot 5 brings
/// SkiaSharp 3 while TorchSharp references SkiaSharp 2.88, so plotting lives in its own library).
/// </summary>
public static class MassPlots
{
    public const int WidthPixels = 900;
    public const int HeightPixels = 700;

    /// <summary>Predicted vs true log10 M with 1σ error bars for the network, point clouds for baselines, and the 1:1 line.</summary>
    public static void TruthVsPrediction(string pngPath, string title, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        int colour = 0;
        foreach (PlotSeries s in series)
        {
            var color = Palette(colour++);
            if (s.YErrors is { } errors)
            {
                var bars = plot.Add.ErrorBar(s.X, s.Y, errors);
                bars.Color = color.WithAlpha(0.25);
            }
            var markers = plot.Add.Markers(s.X, s.Y, MarkerShape.FilledCircle, 3, color.WithAlpha(0.6));
            markers.LegendText = s.Label;
            foreach (double x in s.X) { min = Math.Min(min, x); max = Math.Max(max, x); }
        }
        if (double.IsFinite(min))
        {
            var diagonal = plot.Add.Line(min, min, max, max);
            diagonal.Color = Colors.Black;
            diagonal.LegendText = "1:1";
        }
        plot.Title(title);
        plot.XLabel("true log10 M200c [h^-1 Msun]");
        plot.YLabel("predicted log10 M200c [h^-1 Msun]");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, WidthPixels, HeightPixels);
    }

    /// <summary>Residuals against richness (log x axis) with the fitted ±σ(N) curves.</summary>
    public static void ResidualVsRichness(string pngPath, string title, IReadOnlyList<PlotSeries> series, double[] curveRichness, double[] curveSigma, string curveLabel)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        int colour = 0;
        foreach (PlotSeries s in series)
        {
            var markers = plot.Add.Markers(s.X.Select(Math.Log10).ToArray(), s.Y, MarkerShape.FilledCircle, 3, Palette(colour++).WithAlpha(0.5));
            markers.LegendText = s.Label;
        }
        double[] logN = curveRichness.Select(Math.Log10).ToArray();
        var upper = plot.Add.ScatterLine(logN, curveSigma);
        upper.Color = Colors.Black;
        upper.LineWidth = 2;
        upper.LegendText = curveLabel;
        var lower = plot.Add.ScatterLine(logN, curveSigma.Select(s => -s).ToArray());
        lower.Color = Colors.Black;
        lower.LineWidth = 2;
        plot.Add.HorizontalLine(0, 1, Colors.Gray);
        plot.Title(title);
        plot.XLabel("log10 N (galaxies kept)");
        plot.YLabel("log10 M_pred - log10 M_true [dex]");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(pngPath, WidthPixels, HeightPixels);
    }

    /// <summary>Calibration curve: observed against expected coverage of central Gaussian intervals, with the diagonal.</summary>
    public static void Calibration(string pngPath, string title, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "calibrated";
        int colour = 0;
        foreach (PlotSeries s in series)
        {
            var line = plot.Add.Scatter(s.X, s.Y);
            line.Color = Palette(colour++);
            line.LegendText = s.Label;
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.Title(title);
        plot.XLabel("expected coverage (central Gaussian interval)");
        plot.YLabel("observed coverage");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(pngPath, WidthPixels, HeightPixels);
    }

    private static Color Palette(int index) => new ScottPlot.Palettes.Category10().GetColor(index);
}
