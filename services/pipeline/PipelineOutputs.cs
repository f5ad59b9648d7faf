using System.Text.Json;
using Parquet.Serialization;
using ScottPlot;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Pipeline;

/// <summary>The files a person looks at after the main job: posteriors.parquet, predicted-vs-true.png, summary.json.</summary>
public static class PipelineOutputs
{
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, IReadOnlyList<Posterior> posteriors, RunSummary summary)
    {
        Directory.CreateDirectory(folder);
        string parquet = Path.Combine(folder, "posteriors.parquet");
        await ParquetSerializer.SerializeAsync(posteriors.Select(ToRow), parquet);
        string png = Path.Combine(folder, "predicted-vs-true.png");
        PlotPredictedVsTrue(posteriors, png);
        string json = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        return [parquet, png, json];
    }

    private static PosteriorRow ToRow(Posterior p) => new()
    {
        ObjectId = p.ObjectId,
        Survey = p.Survey,
        Redshift = p.Redshift,
        Status = p.Status.ToString().ToLowerInvariant(),
        RejectionReason = p.RejectionReason,
        Log10M200c = p.Log10M200c,
        SigmaLog10M200c = p.SigmaLog10M200c,
        BaselineMsigmaLog10M = p.BaselineMsigmaLog10M,
        BaselineVirialLog10M = p.BaselineVirialLog10M,
        BaselineDistributionLog10M = p.BaselineDistributionLog10M,
        TrueLog10M200c = p.TrueLog10M200c,
        MembersKept = p.MembersKept,
        SigmaLosKmPerS = p.SigmaLosKmPerS,
        OutOfDistribution = p.OutOfDistribution,
        OodReason = p.OodReason,
        ModelName = p.ModelName,
        ModelVersion = p.ModelVersion,
        ModelCardSha256 = p.ModelCardSha256,
        SourcePartition = p.Provenance.SourcePartition,
        SourceOffset = p.Provenance.SourceOffset,
        QueuedMs = p.QueuedMs,
        FeaturesMs = p.FeaturesMs,
        InferenceMs = p.InferenceMs,
    };

    /// <summary>CNN mean ± σ against the simulated truth, with the fitted M–σ baseline and the 1:1 line.</summary>
    private static void PlotPredictedVsTrue(IReadOnlyList<Posterior> posteriors, string path)
    {
        var points = posteriors.Where(p => p is { Status: RecordStatus.Accepted, TrueLog10M200c: not null, Log10M200c: not null, SigmaLog10M200c: not null }).ToList();
        var plot = new Plot();
        if (points.Count > 0)
        {
            var truth = points.Select(p => p.TrueLog10M200c!.Value).ToArray();
            var baseline = points.Where(p => p.BaselineMsigmaLog10M.HasValue).ToList();
            if (baseline.Count > 0)
            {
                var b = plot.Add.ScatterPoints(baseline.Select(p => p.TrueLog10M200c!.Value).ToArray(), baseline.Select(p => p.BaselineMsigmaLog10M!.Value).ToArray());
                b.LegendText = "fitted M–σ baseline";
                b.MarkerSize = 2;
                b.Color = Colors.Gray.WithAlpha(0.5);
            }

            var mean = points.Select(p => p.Log10M200c!.Value).ToArray();
            var errors = plot.Add.ErrorBar(truth, mean, points.Select(p => p.SigmaLog10M200c!.Value).ToArray());
            errors.Color = Colors.SteelBlue.WithAlpha(0.35);
            var cnn = plot.Add.ScatterPoints(truth, mean);
            cnn.LegendText = "CNN posterior mean ± σ";
            cnn.MarkerSize = 3;
            cnn.Color = Colors.SteelBlue;
            double low = truth.Min() - 0.1;
            double high = truth.Max() + 0.1;
            var diagonal = plot.Add.Line(low, low, high, high);
            diagonal.Color = Colors.Black;
            diagonal.LegendText = "1:1";
            plot.Axes.SetLimits(low, high, low - 0.5, high + 0.5);
        }

        plot.Title($"Demo survey: predicted vs true mass ({points.Count} clusters)");
        plot.XLabel("true log10 M200c [h^-1 Msun]");
        plot.YLabel("predicted log10 M200c [h^-1 Msun]");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 800);
    }
}
