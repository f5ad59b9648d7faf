using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamProcessor.Evaluation;
using StreamProcessor.Plotting;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// Files <c>trainer evaluate</c> writes next to the card: predictions.csv, evaluation.json, the evaluation section of
/// card.md and the PNG plots. Plotting runs in-process: ScottPlot's SkiaSharp 3.119 and TorchSharp's SkiaSharp 2.88
/// reference unify to 3.119, which TorchSharp never calls for tensor work (checked: a PNG renders after torch ops).
/// </summary>
internal static class EvaluationOutputs
{
    public const string PredictionsFileName = "predictions.csv";
    public const string ReportFileName = "evaluation.json";
    public const string PlotsFolder = "plots";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void WritePredictions(string path, IReadOnlyList<EvaluatedSample> samples)
    {
        var csv = new StringBuilder("catalogue,halo_id,line_of_sight,log10_m_true,richness,redshift,sigma_los_km_per_s,cnn_mean,cnn_sigma,fitted_m_sigma,evrard08,virial,distribution_regression\n");
        foreach (EvaluatedSample s in samples)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Catalogue},{s.HaloId},{s.LineOfSight},{s.Log10MTrue:R},{s.Richness},{s.Redshift:R},{s.SigmaLosKmPerS:R},{s.CnnMean:R},{s.CnnSigma:R},{s.FittedMSigma:R},{s.Evrard08:R},{s.Virial:R},{s.DistributionRegressionLog10M:R}"));
        }
        File.WriteAllText(path, csv.ToString());
    }

    public static void WriteReport(string path, EvaluationReport report) => File.WriteAllText(path, JsonSerializer.Serialize(report, JsonOptions));

    /// <summary>Markdown tables of the report, appended to card.md.</summary>
    public static string Markdown(EvaluationReport report, IReadOnlyList<string> plotFiles)
    {
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## Evaluation (`trainer evaluate`, held-out test haloes)");
        md.AppendLine();
        md.AppendLine(report.TestHaloes.ToString(CultureInfo.InvariantCulture) + " test haloes, disjoint from training and validation (split by halo; lines of sight of one halo stay together; sign-flipped copies excluded). " +
                      "Residual = log10 M_pred − log10 M_true (dex); scatter = sample standard deviation of the residuals, bias = their mean. " +
                      "Coverage: fraction with |θ − μ| < kσ, k = 1 (\"68 %\", Gaussian expectation 0.683) and k = 1.96 (95 %). Reduced χ² = ⟨((θ − μ)/σ)²⟩. " +
                      "Baselines refusing a cluster (outside their calibration window, or undefined) are counted under \"refused\".");
        md.AppendLine();
        md.AppendLine("| Catalogue | log10 M range | Estimator | N | refused | bias [dex] | scatter [dex] | RMS [dex] | cov 68 | cov 95 | χ²_red | ⟨σ⟩ [dex] |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (EstimatorMetrics m in report.Metrics)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Catalogue} | {m.Log10MMin:0.##}–{m.Log10MMax:0.##} | {m.Estimator} | {m.Count} | {m.Refused} | {m.BiasDex:0.000} | {m.ScatterDex:0.000} | {m.RmsDex:0.000} | {Optional(m.Coverage68)} | {Optional(m.Coverage95)} | {Optional(m.ReducedChiSquared)} | {Optional(m.MeanSigmaDex)} |"));
        }
        md.AppendLine();
        md.AppendLine("### Per redshift bin (z_min ≤ z < z_max; the last bin includes 1.1)");
        md.AppendLine();
        md.AppendLine("| Catalogue | z | log10 M range | Estimator | N | refused | bias [dex] | scatter [dex] | RMS [dex] | cov 68 | cov 95 | χ²_red | ⟨σ⟩ [dex] |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (RedshiftBinMetrics bin in report.RedshiftBins)
        {
            EstimatorMetrics m = bin.Metrics;
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Catalogue} | {bin.RedshiftMin:0.00}–{bin.RedshiftMax:0.00} | {m.Log10MMin:0.##}–{m.Log10MMax:0.##} | {m.Estimator} | {m.Count} | {m.Refused} | {m.BiasDex:0.000} | {m.ScatterDex:0.000} | {m.RmsDex:0.000} | {Optional(m.Coverage68)} | {Optional(m.Coverage95)} | {Optional(m.ReducedChiSquared)} | {Optional(m.MeanSigmaDex)} |"));
        }
        md.AppendLine();
        md.AppendLine("### Scatter against richness: σ² = σ_N² (N/100)⁻¹ + σ₀² (all test masses; weighted least squares over 8 equal-count richness bins)");
        md.AppendLine();
        md.AppendLine("| Catalogue | Estimator | σ_N [dex] | σ₀ [dex] | richness bins |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (RichnessFitSummary f in report.RichnessFits)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Catalogue} | {f.Estimator} | {f.SigmaNDex:0.000} | {f.Sigma0Dex:0.000} | {string.Join(", ", f.Bins.Select(b => $"{b.MinimumRichness:0}–{b.MaximumRichness:0}: {b.ResidualScatterDex:0.000}"))} |"));
        }
        md.AppendLine();
        md.AppendLine("### Targets (contaminated test set, 10^14–10^15 h⁻¹ M☉)");
        md.AppendLine();
        foreach (TargetCheck t in report.Targets)
        {
            md.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- {t.Target}: measured {t.Measured:0.000} — {(t.Met ? "met" : "NOT met")}"));
        }
        md.AppendLine();
        md.AppendLine("### Plots");
        md.AppendLine();
        foreach (string file in plotFiles) md.AppendLine(CultureInfo.InvariantCulture, $"- [{file}]({file})");
        return md.ToString();
    }

    /// <summary>
    /// Truth vs prediction, residual vs richness (per catalogue) and the CNN calibration curves; returns the relative
    /// paths. <paramref name="report"/> keys the CNN as <see cref="Estimators.Cnn"/>; <paramref name="cnnLabel"/> names it in the legends.
    /// </summary>
    public static IReadOnlyList<string> WritePlots(string modelDirectory, IReadOnlyList<EvaluatedSample> samples, EvaluationReport report, string cnnLabel = Estimators.Cnn)
    {
        string folder = Path.Combine(modelDirectory, PlotsFolder);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        foreach (string catalogue in new[] { Catalogues.Contaminated, Catalogues.Pure })
        {
            EvaluatedSample[] set = [.. samples.Where(s => s.Catalogue == catalogue)];
            if (set.Length == 0) continue;
            EvaluatedSample[] baseline = [.. set.Where(s => double.IsFinite(s.FittedMSigma))];
            string truthFile = $"{PlotsFolder}/truth_vs_prediction_{catalogue}.png";
            MassPlots.TruthVsPrediction(Path.Combine(modelDirectory, truthFile), $"Test haloes, {catalogue} catalogues",
            [
                new PlotSeries(Estimators.FittedMSigma, [.. baseline.Select(s => s.Log10MTrue)], [.. baseline.Select(s => s.FittedMSigma)]),
                new PlotSeries($"{cnnLabel} (1 sigma bars)", [.. set.Select(s => s.Log10MTrue)], [.. set.Select(s => s.CnnMean)], [.. set.Select(s => s.CnnSigma)]),
            ]);
            files.Add(truthFile);

            if (report.RichnessFits.FirstOrDefault(f => f.Catalogue == catalogue && f.Estimator == Estimators.Cnn) is { } fit)
            {
                double minimum = set.Min(s => s.Richness);
                double maximum = set.Max(s => s.Richness);
                double[] curveN = [.. Enumerable.Range(0, 60).Select(i => minimum * Math.Pow(maximum / minimum, i / 59.0))];
                double[] curveSigma = [.. curveN.Select(n => Math.Sqrt((fit.SigmaNDex * fit.SigmaNDex * 100 / n) + (fit.Sigma0Dex * fit.Sigma0Dex)))];
                string richnessFile = $"{PlotsFolder}/residual_vs_richness_{catalogue}.png";
                MassPlots.ResidualVsRichness(Path.Combine(modelDirectory, richnessFile), $"{cnnLabel} residuals, {catalogue} catalogues",
                    [new PlotSeries(cnnLabel, [.. set.Select(s => (double)s.Richness)], [.. set.Select(s => s.CnnMean - s.Log10MTrue)])],
                    curveN, curveSigma,
                    string.Create(CultureInfo.InvariantCulture, $"fit: sigma_N = {fit.SigmaNDex:0.000}, sigma_0 = {fit.Sigma0Dex:0.000} dex"));
                files.Add(richnessFile);
            }
        }
        string coverageFile = $"{PlotsFolder}/coverage.png";
        MassPlots.Calibration(Path.Combine(modelDirectory, coverageFile), $"{cnnLabel} calibration on test haloes",
            [.. report.CnnCalibration.Select(kv => new PlotSeries(kv.Key, [.. kv.Value.Select(p => p.ExpectedCoverage)], [.. kv.Value.Select(p => p.ObservedCoverage)]))]);
        files.Add(coverageFile);
        return files;
    }

    private static string Optional(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
