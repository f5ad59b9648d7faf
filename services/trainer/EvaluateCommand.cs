using System.CommandLine;
using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Evaluation;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Data;
using StreamProcessor.Trainer.Evaluation;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer;

/// <summary>
/// <c>trainer evaluate</c>: the bundle's CNN and the baselines (fitted M–σ from the bundle, Evrard+08 M–σ, virial) on
/// the held-out TEST haloes, pure and contaminated; fills the card's metric slots (card.json + card.md, weights hash
/// re-checked), writes evaluation.json, predictions.csv and PNG plots in the bundle folder. A 3D bundle is fed the
/// cubes of the same views (images3d.bin). <c>--compare-with</c> runs other bundles on the same test views
/// (<see cref="ModelComparison"/>).
/// </summary>
internal static class EvaluateCommand
{
    private const string TestSplitName = "test (halo-disjoint, contaminated catalogues)";

    /// <summary>Views per forward pass: 32 cubes of 50³ keep the 3D network's activations near 1 GB.</summary>
    private const int PredictionBatch = 32;

    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle folder written by `trainer train`.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on (its test haloes are evaluated).", Required = true };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        var compareWith = new Option<DirectoryInfo[]>("--compare-with")
        {
            Description = "Other mass CNN bundles (2D or 3D) to run on the same test views; their scatter, bias and coverage per redshift bin go beside this model's in the output and the card.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("evaluate", "Evaluate a mass model and the baselines on the held-out test haloes; update its model card and plots.")
        {
            model, data, device, compareWith,
        };
        command.SetAction((parse, _) => RunAsync(
            new EvaluateRequest(parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(device)!,
                [.. (parse.GetValue(compareWith) ?? []).Select(d => d.FullName)]),
            System.Console.Out));
        return command;
    }

    internal static async Task<int> RunAsync(EvaluateRequest request, TextWriter log)
    {
        var report = await ProgressConsole.Run("evaluate", 3, log, sink => Evaluate(request, log, sink));
        foreach (EstimatorMetrics m in report.Metrics)
        {
            log.WriteLine($"evaluate: {m.Catalogue,-12} {m.Log10MMin:0.0}-{m.Log10MMax:0.0} {m.Estimator,-18} N={m.Count,5} refused={m.Refused,4} bias={m.BiasDex,7:0.000} scatter={m.ScatterDex:0.000}" +
                          (m.Coverage68 is { } c68 ? $" cov68={c68:0.000} cov95={m.Coverage95:0.000} chi2red={m.ReducedChiSquared:0.00} <sigma>={m.MeanSigmaDex:0.000}" : string.Empty));
        }
        foreach (RedshiftBinMetrics bin in report.RedshiftBins)
        {
            EstimatorMetrics m = bin.Metrics;
            log.WriteLine($"evaluate: z {bin.RedshiftMin:0.00}-{bin.RedshiftMax:0.00} {m.Catalogue,-12} {m.Log10MMin:0.0}-{m.Log10MMax:0.0} {m.Estimator,-18} N={m.Count,5} refused={m.Refused,4} bias={m.BiasDex,7:0.000} scatter={m.ScatterDex:0.000}" +
                          (m.Coverage68 is { } c68 ? $" cov68={c68:0.000} cov95={m.Coverage95:0.000} chi2red={m.ReducedChiSquared:0.00} <sigma>={m.MeanSigmaDex:0.000}" : string.Empty));
        }
        foreach (RichnessFitSummary f in report.RichnessFits)
        {
            log.WriteLine($"evaluate: richness fit {f.Catalogue,-12} {f.Estimator,-18} sigma_N={f.SigmaNDex:0.000} sigma_0={f.Sigma0Dex:0.000} dex");
        }
        foreach (TargetCheck t in report.Targets)
        {
            log.WriteLine($"evaluate: target {t.Target}: {t.Measured:0.000} {(t.Met ? "met" : "NOT met")}");
        }
        return 0;
    }

    private static EvaluationReport Evaluate(EvaluateRequest request, TextWriter log, ProgressSink sink)
    {
        // 1. The test haloes: recompute the trainer's group split and check it against the record the trainer wrote.
        TrainingSplitRecord record = TrainingSplitRecord.Load(request.ModelDirectory);
        TrainingData contaminated = TrainingData.Load(request.DataDirectory);
        DatasetSplit split = GroupSplit.Split(contaminated.Dataset.GroupIds, record.TrainFraction, record.ValidationFraction, record.Seed);
        var testHaloes = split.Test.Select(i => contaminated.Samples[i].HaloId).ToHashSet();
        if (!testHaloes.SetEquals(record.TestHaloIds))
        {
            throw new InvalidOperationException($"The test haloes of {request.DataDirectory} differ from those recorded at training: wrong dataset for this model.");
        }

        bool Test(DatasetSample s) => !s.VelocitySignFlipped && testHaloes.Contains(s.HaloId);
        InputArchitecture architecture = InputArchitectures.Of(ModelBundle.ReadCard(request.ModelDirectory).Architecture);
        ModelInputs testInputs = ModelInputs.Load(request.DataDirectory, architecture, Test);
        DatasetSample[] test = [.. testInputs.Samples];
        sink.Report(1, $"steps; {test.Length} test views of {testHaloes.Count} haloes loaded", forceLine: true);

        // 2. Predictions: CNN, fitted M-sigma (from the bundle: fitted on the training split), Evrard+08, virial.
        var device = TorchDevices.Select(request.Device, log.WriteLine);
        using var bundle = ModelBundle.Load(request.ModelDirectory, device);
        FittedMSigmaRelation fitted = FittedMSigmaRelation.FromJson(File.ReadAllText(Path.Combine(request.ModelDirectory, TrainCommand.FittedMSigmaFileName)));
        DistributionRegression? distribution = DistributionRegression.LoadFrom(request.ModelDirectory);
        var predictions = bundle.Model.Predict(testInputs.Inputs, test.Length, PredictionBatch);
        FlatLcdm cosmology = FlatLcdm.Planck18;
        var samples = new EvaluatedSample[test.Length];
        for (int i = 0; i < test.Length; i++)
        {
            DatasetSample s = test[i];
            samples[i] = new EvaluatedSample(
                s.Contaminated ? Catalogues.Contaminated : Catalogues.Pure,
                s.HaloId,
                s.LineOfSight,
                s.Log10M200c,
                s.Richness,
                s.Redshift,
                s.SigmaLosKmPerS,
                predictions.MeanOf(i),
                predictions.SigmaOf(i),
                fitted.PredictLog10M200c(s.SigmaLosKmPerS),
                ScaledMSigmaRelation.Evrard08.TryM200cMsunOverH(s.SigmaLosKmPerS, s.Redshift, cosmology, out double mass) ? Math.Log10(mass) : double.NaN,
                s.Log10MVirial)
            {
                DistributionRegressionLog10M = distribution?.PredictLog10M200c(s.MemberRProjMpcOverH, s.MemberVLosKmPerS, s.Redshift) ?? double.NaN,
            };
        }
        sink.Report(2, "steps; predictions done", forceLine: true);

        // 3. Metrics, card, files.
        EvaluationReport scored = MassEvaluator.Evaluate(samples, samples.Min(s => s.Log10MTrue), samples.Max(s => s.Log10MTrue));
        string cnnLabel = CnnLabel.For(architecture);
        EvaluationReport report = CnnLabel.Relabel(scored, cnnLabel);
        ComparedModel[] compared = [.. request.CompareWith.Select(folder => ModelComparison.Evaluate(
            folder, request.DataDirectory, Test, samples, testHaloes, DatasetManifest.Load(request.DataDirectory), device, PredictionBatch))];
        ModelMetrics metrics = CardMetrics(samples, report);
        ModelCard card = bundle.Card with
        {
            Metrics = metrics with { Baselines = new Dictionary<string, double>((metrics.Baselines ?? new Dictionary<string, double>()).Concat(compared.SelectMany(ModelComparison.CardMetrics)), StringComparer.Ordinal) },
            Calibration = new CalibrationReport("test", report.CnnCalibration.ToDictionary(
                kv => $"{TrainingData.TargetName} ({kv.Key})",
                kv => (IReadOnlyList<CoveragePoint>)[.. kv.Value.Select(p => new CoveragePoint(p.ExpectedCoverage, p.ObservedCoverage))])),
        };
        ModelBundle.WriteCard(request.ModelDirectory, card);
        EvaluationOutputs.WritePredictions(Path.Combine(request.ModelDirectory, EvaluationOutputs.PredictionsFileName), samples);
        EvaluationOutputs.WriteReport(Path.Combine(request.ModelDirectory, EvaluationOutputs.ReportFileName), report);
        IReadOnlyList<string> plots = EvaluationOutputs.WritePlots(request.ModelDirectory, samples, scored, cnnLabel);
        File.AppendAllText(Path.Combine(request.ModelDirectory, ModelBundle.MarkdownFileName), EvaluationOutputs.Markdown(report, plots));
        if (compared.Length > 0)
        {
            string label = $"{cnnLabel} (this model)";
            ModelComparison.WritePlot(request.ModelDirectory, label, scored, compared);
            File.AppendAllText(Path.Combine(request.ModelDirectory, ModelBundle.MarkdownFileName), ModelComparison.Markdown(label, ModelComparison.TrainingLine(bundle.Card), scored, compared));
            foreach (string line in compared.Select(c => (c.Label, c.Report)).Prepend((Label: label, Report: scored)).SelectMany(r => ModelComparison.Lines(r.Label, r.Report)))
            {
                log.WriteLine(line);
            }

            log.WriteLine($"compare: {label}: {ModelComparison.TrainingLine(bundle.Card)}");
            foreach (ComparedModel c in compared) log.WriteLine($"compare: {c.Label} ({c.ModelVersion}): {c.Training}; {c.HaloOverlap}");
        }
        if (distribution is not null) File.AppendAllText(Path.Combine(request.ModelDirectory, ModelBundle.MarkdownFileName), DistributionRegressionSummary.Markdown(distribution));
        ModelBundle.ReadCard(request.ModelDirectory);
        sink.Report(3, $"steps; card, {plots.Count} plots and predictions written to {request.ModelDirectory}", forceLine: true);
        return report;
    }

    /// <summary>The card's metric slot: CNN on the contaminated test views (full mass range), baselines' headline scatters alongside.</summary>
    private static ModelMetrics CardMetrics(IReadOnlyList<EvaluatedSample> samples, EvaluationReport report)
    {
        EvaluatedSample[] set = [.. samples.Where(s => s.Catalogue == Catalogues.Contaminated)];
        double[] truth = [.. set.Select(s => s.Log10MTrue)];
        double[] mean = [.. set.Select(s => s.CnnMean)];
        double[] sigma = [.. set.Select(s => s.CnnSigma)];
        var parameter = MomentEvaluator.Parameter(truth, mean, sigma);
        var baselines = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (EstimatorMetrics m in report.Metrics)
        {
            string key = $"{m.Catalogue}_{m.Log10MMin:0.0#}_{m.Log10MMax:0.0#}_{m.Estimator.Replace(' ', '_').Replace('+', 'p')}";
            baselines[$"{key}_scatter_dex"] = m.ScatterDex;
            baselines[$"{key}_bias_dex"] = m.BiasDex;
        }
        foreach (RedshiftBinMetrics bin in report.RedshiftBins)
        {
            EstimatorMetrics m = bin.Metrics;
            string key = $"{m.Catalogue}_z{bin.RedshiftMin:0.00#}-{bin.RedshiftMax:0.00#}_{m.Log10MMin:0.0#}_{m.Log10MMax:0.0#}_{m.Estimator.Replace(' ', '_').Replace('+', 'p')}";
            baselines[$"{key}_scatter_dex"] = m.ScatterDex;
            baselines[$"{key}_bias_dex"] = m.BiasDex;
            if (m.Coverage68 is { } coverage) baselines[$"{key}_coverage68"] = coverage;
            baselines[$"{key}_count"] = m.Count;
        }
        return new ModelMetrics(TestSplitName, new Dictionary<string, ParameterMetrics> { [TrainingData.TargetName] = parameter }, baselines);
    }
}
