using ScottPlot;

namespace StreamProcessor.Plotting;

/// <summary>Mass-function and cosmology figures for the massfunction science check.</summary>
public static class MassFunctionPlots
{
    /// <summary>
    /// Observed dn/dlog10M with errors against the ΛCDM prediction (±1σ Poisson band of the expected counts), per
    /// redshift bin, above the completeness limit; and the observed/predicted ratio with its error below.
    /// </summary>
    public static void MassFunction(string path, string title, IReadOnlyDictionary<string, IReadOnlyList<MassFunctionBin>> redshiftBins)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var top = multiplot.GetPlot(0);
        var bottom = multiplot.GetPlot(1);
        var palette = new ScottPlot.Palettes.Category10();
        int series = 0;
        foreach (var (label, allBins) in redshiftBins)
        {
            // Bins expecting under half a cluster carry no information and make the Poisson band meaningless.
            var bins = allBins.Where(b => b.AboveCompletenessLimit && b.TheoryDnDlog10M > 0 && b.TheoryExpectedCounts >= 0.5).ToList();
            if (bins.Count == 0) continue;
            var color = palette.GetColor(series++);
            double[] x = bins.Select(b => b.Log10MassCentre).ToArray();
            double[] theory = bins.Select(b => Math.Log10(b.TheoryDnDlog10M)).ToArray();
            // Relative 1σ of the expectation, sqrt(N)/N, shown as a band around the theory curve.
            double[] relative = bins.Select(b => b.TheoryExpectedCounts > 0 ? 1 / Math.Sqrt(b.TheoryExpectedCounts) : 0).ToArray();
            var line = top.Add.Scatter(x, theory);
            line.Color = color;
            line.MarkerSize = 0;
            line.LegendText = $"ΛCDM forward model {label}";
            foreach (int sign in new[] { -1, 1 })
            {
                var edge = top.Add.Scatter(x, theory.Select((t, i) => t + Math.Log10(Math.Max(1e-3, 1 + (sign * relative[i])))).ToArray());
                edge.Color = color.WithAlpha(0.4);
                edge.MarkerSize = 0;
                edge.LinePattern = LinePattern.Dashed;
            }

            var observed = bins.Where(b => b.DnDlog10M > 0).ToList();
            double[] ox = observed.Select(b => b.Log10MassCentre).ToArray();
            double[] oy = observed.Select(b => Math.Log10(b.DnDlog10M)).ToArray();
            double[] oe = observed.Select(b => b.DnDlog10MError / (b.DnDlog10M * Math.Log(10))).ToArray();
            var errors = top.Add.ErrorBar(ox, oy, oe);
            errors.Color = color;
            var points = top.Add.ScatterPoints(ox, oy);
            points.Color = color;
            points.LegendText = $"observed {label}";

            double[] ratio = observed.Select(b => b.DnDlog10M / b.TheoryDnDlog10M).ToArray();
            double[] ratioError = observed.Select(b => b.DnDlog10MError / b.TheoryDnDlog10M).ToArray();
            var ratioBars = bottom.Add.ErrorBar(ox, ratio, ratioError);
            ratioBars.Color = color;
            var ratioPoints = bottom.Add.ScatterPoints(ox, ratio);
            ratioPoints.Color = color;
        }

        top.Title(title);
        top.YLabel("log10 dn/dlog10M [h^3 Mpc^-3]");
        top.ShowLegend(Alignment.LowerLeft);
        var unity = bottom.Add.HorizontalLine(1);
        unity.Color = Colors.Black;
        bottom.XLabel("log10 M200c [h^-1 Msun]");
        bottom.YLabel("observed / predicted");
        multiplot.SavePng(path, 900, 1000);
    }

    /// <summary>
    /// The Ω_m–σ8 posterior of a likelihood grid as its 68 % and 95 % highest-posterior regions (flat priors,
    /// uniform grid), with the true cosmology marked.
    /// </summary>
    public static void CosmologyRegions(string path, string title, IReadOnlyList<double> omegaM, IReadOnlyList<double> sigma8, IReadOnlyList<double?> logLikelihood, double trueOmegaM, double trueSigma8)
    {
        int n8 = sigma8.Count;
        var cells = new List<(double OmegaM, double Sigma8, double Weight)>();
        double max = logLikelihood.Where(v => v.HasValue).Max(v => v!.Value);
        for (int i = 0; i < omegaM.Count; i++)
        {
            for (int j = 0; j < n8; j++)
            {
                if (logLikelihood[(i * n8) + j] is { } lnL) cells.Add((omegaM[i], sigma8[j], Math.Exp(lnL - max)));
            }
        }

        double total = cells.Sum(c => c.Weight);
        double cumulative = 0;
        var inside68 = new List<(double, double)>();
        var inside95 = new List<(double, double)>();
        foreach (var cell in cells.OrderByDescending(c => c.Weight))
        {
            if (cumulative < 0.68 * total) inside68.Add((cell.OmegaM, cell.Sigma8));
            else if (cumulative < 0.95 * total) inside95.Add((cell.OmegaM, cell.Sigma8));
            cumulative += cell.Weight;
        }

        var plot = new Plot();
        AddRegion(plot, inside95, Colors.SteelBlue.WithAlpha(0.35), "95 % region");
        AddRegion(plot, inside68, Colors.SteelBlue, "68 % region");
        var truth = plot.Add.ScatterPoints(new[] { trueOmegaM }, new[] { trueSigma8 });
        truth.Color = Colors.Red;
        truth.MarkerShape = MarkerShape.Cross;
        truth.MarkerSize = 18;
        truth.LegendText = "truth";
        plot.Axes.SetLimits(omegaM.Min(), omegaM.Max(), sigma8.Min(), sigma8.Max());
        plot.Title(title);
        plot.XLabel("Omega_m");
        plot.YLabel("sigma_8");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 800, 700);
    }

    private static void AddRegion(Plot plot, List<(double X, double Y)> cells, Color color, string label)
    {
        if (cells.Count == 0) return;
        var region = plot.Add.ScatterPoints(cells.Select(c => c.X).ToArray(), cells.Select(c => c.Y).ToArray());
        region.Color = color;
        region.MarkerShape = MarkerShape.FilledSquare;
        region.MarkerSize = 9;
        region.LegendText = label;
    }
}
