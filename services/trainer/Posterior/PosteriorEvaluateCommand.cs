using System.CommandLine;
using System.Globalization;
using StreamProcessor.Plotting;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Posterior;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer.Posterior;

/// <summary>
/// <c>trainer posterior evaluate</c>: the posterior head and the moment network on the held-out test haloes
/// (contaminated catalogues, no sign-flipped copies) by simulation-based calibration: rank histograms, coverage at every
/// credible level (overall and per redshift bin) and the mean log density of the truth. Fills the card's
/// posterior-head calibration, writes the rank histograms and coverage curves as PNGs.
/// </summary>
internal static class PosteriorEvaluateCommand
{
    public const string HeadName = "posterior head (MDN)";
    public const string MomentName = "moment network (Gaussian)";
    public const string RankPlotFile = "plots/sbc-rank-histograms.png";
    public const string CoveragePlotFile = "plots/posterior-coverage.png";

    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Mass model bundle with a posterior head (`trainer posterior train`).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on (its test haloes are evaluated).", Required = true };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        var command = new Command("evaluate", "Simulation-based calibration of the posterior head against the moment network; updates the card and writes PNGs.")
        {
            model, data, device,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(device)!, System.Console.Out)));
        return command;
    }

    internal static int Run(string modelDirectory, string dataDirectory, string deviceName, TextWriter log)
    {
        var views = PosteriorViews.Load(modelDirectory, dataDirectory);
        using var bundle = ModelBundle.Load(modelDirectory, TorchDevices.Select(deviceName, log.WriteLine));
        var head = bundle.PosteriorHead ?? throw new InvalidOperationException($"{modelDirectory} has no posterior head; run `trainer posterior train` first.");
        int[] rows = [.. views.Split.Test.Where(i => !views.Data.Samples[i].VelocitySignFlipped)];
        var (test, mean, sigma) = views.Embed(bundle, rows);
        var estimators = new Dictionary<string, GaussianMixture[]>(StringComparer.Ordinal)
        {
            [HeadName] = head.Posteriors(test.Embeddings, test.Count),
            [MomentName] = [.. mean.Select((m, i) => new GaussianMixture([1.0], [m], [sigma[i]]))],
        };
        string[] bins = [.. rows.Select(i => RedshiftBin(views.Data.Samples[i].Redshift))];
        var report = PosteriorCalibration.Evaluate("test (halo-disjoint, contaminated catalogues)", TrainingData.TargetName, test.Targets, estimators, bins);

        var card = bundle.Card with { PosteriorHead = bundle.Card.PosteriorHead! with { Calibration = report } };
        ModelBundle.WriteCard(modelDirectory, card);
        string[] names = [.. report.Estimators.Keys];
        ParameterPlots.RankHistograms(Path.Combine(modelDirectory, RankPlotFile), names, [.. names.Select(n => report.Estimators[n].RankHistogram.ToArray())]);
        ParameterPlots.CoverageCurves(
            Path.Combine(modelDirectory, CoveragePlotFile), [TrainingData.TargetName], report.Levels,
            [.. names.Select(n => new CoverageSeries(n, [report.Estimators[n].Coverage.ToArray()]))],
            $"Expected coverage, {report.Samples} test views");

        foreach (var (name, e) in report.Estimators)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"posterior evaluate: {name,-26} N={report.Samples} rank chi2={e.RankChiSquare:F1} (p={e.RankPValue:G3}) mean|cov err|={e.MeanAbsCoverageError:F4} max={e.MaxAbsCoverageError:F4} " +
                $"cov68={e.Coverage[report.LevelIndex(0.68)]:F3} cov95={e.Coverage[report.LevelIndex(0.95)]:F3} -ln q={e.MeanNegativeLogDensity:F4} rmse={e.PointRmse:F4} bias={e.PointBias:+0.0000;-0.0000}"));
        }

        foreach (var bin in report.Bins)
        {
            string perEstimator = string.Join("  ", names.Select(n => string.Create(CultureInfo.InvariantCulture,
                $"{n}: cov68={bin.Coverage68[n]:F3} cov95={bin.Coverage95[n]:F3} mean|err|={bin.MeanAbsCoverageError[n]:F3}")));
            log.WriteLine($"posterior evaluate: {bin.Label} N={bin.Samples} {perEstimator}");
        }

        log.WriteLine($"posterior evaluate: {report.Verdict}");
        log.WriteLine($"posterior evaluate: wrote the card, {RankPlotFile} and {CoveragePlotFile} in {modelDirectory}");
        return 0;
    }

    /// <summary>"z 0.03-0.15" etc., the evaluator's redshift bins.</summary>
    private static string RedshiftBin(double z)
    {
        double[] edges = TrainerDefaults.RedshiftBinEdges;
        for (int b = 0; b < edges.Length - 1; b++)
        {
            if (TrainerDefaults.InRedshiftBin(z, edges, b))
            {
                return string.Create(CultureInfo.InvariantCulture, $"z {edges[b]:0.00}-{edges[b + 1]:0.00}");
            }
        }

        return "z outside the bins";
    }
}
