using System.CommandLine;
using StreamProcessor.Plotting;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// <c>trainer maps evaluate</c>: rebuilds the test haloes of <c>maps train</c> (same seed, same split by halo) and
/// fills the card: per property R², RMSE, coverage and reduced χ² on the test maps, per halo class (sub-L*, L*, groups),
/// on the same haloes made by the other galaxy-formation model (the cross-model test of Gluck+2024), and for the
/// cluster-mass CNN an M–L_X power law fitted on the training split and scored on the same test maps (Ntampaka+2019).
/// </summary>
internal static class MapEvaluateCommand
{
    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle written by `maps train`.", Required = true };
        var cross = new Option<bool>("--cross-model") { Description = "Also test on the other galaxy-formation model's maps of the same haloes.", DefaultValueFactory = _ => true };
        var command = new Command("evaluate", "Evaluate a map CNN and write its card's metrics and plots.") { model, cross };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(model)!.FullName, parse.GetValue(cross), Console.Out)));
        return command;
    }

    internal static int Run(string modelFolder, bool crossModel, TextWriter log)
    {
        var record = MapTrainingRecord.Load(modelFolder);
        using var bundle = ModelBundle.Load(modelFolder);
        var card = bundle.Card;
        var names = card.ParameterNames;
        var defaults = new TrainingOptions();
        var sampleGroups = Enumerable.Range(0, record.Haloes).SelectMany(h => Enumerable.Repeat((long)h, 3)).ToArray();
        var split = GroupSplit.Split(sampleGroups, defaults.TrainFraction, defaults.ValidationFraction, card.Seed);
        int[] testHaloes = [.. split.Test.Select(s => (int)sampleGroups[s]).Distinct().Order()];
        log.WriteLine($"maps evaluate: {card.ModelName} {card.ModelVersion}; rendering {testHaloes.Length} test haloes");

        var test = MapData.Build(record, testHaloes, log: log.WriteLine);
        var all = Enumerable.Range(0, test.Samples.Count).ToArray();
        var (truth, mean, sigma) = Predict(bundle, test.Samples, all);
        string label = $"test maps ({testHaloes.Length} {record.Family} haloes x 3 projections, {record.Limits})";
        var metrics = MomentEvaluator.Metrics(label, names, truth, mean, sigma);
        var calibration = MomentEvaluator.Calibration(label, names, truth, mean, sigma);
        string plots = Path.Combine(modelFolder, "plots");
        string[] groups = [.. card.Parameters!.Select(p => p.Group)];
        ParameterPlots.PredictedVersusTrue(Path.Combine(plots, "predicted-vs-true.png"), names, groups, truth, mean, sigma);

        var additional = new List<ModelMetrics>();
        foreach (var (className, min, max) in MapParameters.MassClasses)
        {
            int[] rows = [.. all.Where(s => test.Log10HaloMass[s] >= min && test.Log10HaloMass[s] < max)];
            if (rows.Length < 10) continue;
            additional.Add(MomentEvaluator.Metrics($"{ClassPrefix}{className}", names, Rows(truth, rows), Rows(mean, rows), Rows(sigma, rows)));
        }

        if (crossModel)
        {
            string other = MapData.Families.Keys.Single(f => f != record.Family);
            var crossData = MapData.Build(record, testHaloes, family: other, log: log.WriteLine);
            var (t, m, s) = Predict(bundle, crossData.Samples, all);
            additional.Add(MomentEvaluator.Metrics($"{CrossPrefix}{other} maps of the same test haloes ({record.Limits})", names, t, m, s));
            ParameterPlots.PredictedVersusTrue(Path.Combine(plots, $"predicted-vs-true-{other}.png"), names, groups, t, m, s);
        }

        if (record.MassOnly)
        {
            additional.Add(LuminosityBaseline(record, split, sampleGroups, test, truth[0], log));
        }

        var evaluated = card with { Metrics = metrics, Calibration = calibration, AdditionalMetrics = additional };
        ModelBundle.WriteCard(modelFolder, evaluated);
        Report(log, evaluated);
        return 0;
    }

    /// <summary>Label prefix of the per-class metric sets (the compare command reads them back).</summary>
    internal const string ClassPrefix = "test maps, ";

    /// <summary>Label prefix of the cross-model metric set.</summary>
    internal const string CrossPrefix = "cross-model: ";

    /// <summary>Label prefix of the M–L_X baseline.</summary>
    internal const string BaselinePrefix = "baseline M-L_X power law";

    /// <summary>
    /// log10 M = a + b log10 L_X,ap fitted by least squares on the training haloes' map-measured luminosities, σ the
    /// training residual scatter, scored on the test maps like the CNN (Ntampaka+2019 compare a CNN with this law).
    /// </summary>
    private static ModelMetrics LuminosityBaseline(MapTrainingRecord record, DatasetSplit split, long[] sampleGroups, MapData test, double[] testTruth, TextWriter log)
    {
        int[] trainHaloes = [.. split.Train.Select(s => (int)sampleGroups[s]).Distinct().Order()];
        var train = MapData.Build(record with { Fields = ["xray"] }, trainHaloes, log: log.WriteLine);
        var fit = MathNet.Numerics.Fit.Line(train.Log10ApertureLuminosity, train.Log10HaloMass);
        double scatter = Math.Sqrt(train.Log10ApertureLuminosity.Zip(train.Log10HaloMass)
            .Average(p => Math.Pow(p.Second - (fit.A + (fit.B * p.First)), 2)));
        double[] mean = [.. test.Log10ApertureLuminosity.Select(l => fit.A + (fit.B * l))];
        log.WriteLine($"maps evaluate: M-L_X fit on {train.Samples.Count} training maps: log10 M = {fit.A:F3} + {fit.B:F3} log10 L_X(<{MapData.ApertureKpc:F0} kpc), scatter {scatter:F3} dex");
        return MomentEvaluator.Metrics($"{BaselinePrefix} (log10 M = {fit.A:F2} + {fit.B:F3} log10 L_X(<{MapData.ApertureKpc:F0} kpc), fitted on the training split), test maps",
            [MapParameters.MassOnly[0].Name], [testTruth], [mean], [[.. mean.Select(_ => scatter)]]);
    }

    internal static (double[][] Truth, double[][] Mean, double[][] Sigma) Predict(ModelBundle bundle, SampleDataset data, int[] rows)
    {
        int n = data.ParameterCount;
        var inputs = new float[(long)rows.Length * data.InputLength];
        data.GatherInputs(rows, inputs);
        var predictions = bundle.Model.Predict(inputs, rows.Length);
        double[][] truth = [.. Enumerable.Range(0, n).Select(p => rows.Select(r => (double)data.Target(r)[p]).ToArray())];
        double[][] mean = [.. Enumerable.Range(0, n).Select(p => Enumerable.Range(0, rows.Length).Select(i => predictions.MeanOf(i, p)).ToArray())];
        double[][] sigma = [.. Enumerable.Range(0, n).Select(p => Enumerable.Range(0, rows.Length).Select(i => predictions.SigmaOf(i, p)).ToArray())];
        return (truth, mean, sigma);
    }

    private static double[][] Rows(double[][] values, int[] rows) => [.. values.Select(v => rows.Select(r => v[r]).ToArray())];

    private static void Report(TextWriter log, ModelCard card)
    {
        var sets = new[] { card.Metrics! }.Concat(card.AdditionalMetrics!).ToList();
        foreach (var set in sets)
        {
            log.WriteLine(set.Split);
            foreach (var (name, m) in set.PerParameter)
            {
                log.WriteLine($"  {name,-18} R2 {m.RSquared,7:F3}  RMSE {m.Rmse,7:F3}  r {m.PearsonR,6:F3}  cov68 {m.Coverage68,5:F3}  cov95 {m.Coverage95 ?? double.NaN,5:F3}  chi2 {m.ReducedChiSquared,6:F2}");
            }
        }
    }
}
