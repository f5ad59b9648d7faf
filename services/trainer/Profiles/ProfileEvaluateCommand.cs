using System.CommandLine;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Training;
using StreamProcessor.Plotting;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Evaluation;
using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles evaluate</c>: rebuilds the emulated test split exactly as <c>profiles train</c> made it, and
/// fills the card: per-parameter metrics and coverage on (1) the emulated test stacks (and, for a stack-size-aware
/// model, its test stacks per decade of size), (2) the same stacks with 10, 20 and 40 % noise, (3) the real held-out
/// halos of the emulator card (single halos: harder, reported as they are); PNGs of predicted vs true, r against the
/// 0.97 / 0.90 lines, and coverage.
/// </summary>
internal static class ProfileEvaluateCommand
{
    /// <summary>Lowest acceptable Pearson r per group (Hernandez Martinez et al. 2025).</summary>
    public static readonly IReadOnlyDictionary<string, double> TargetR = new Dictionary<string, double>
    {
        ["cosmological"] = 0.97, ["astrophysical"] = 0.90,
    };

    private static readonly double[] NoiseVariants = [0.1, 0.2, 0.4];

    /// <summary>Fewest test stacks of one size range worth their own metrics (r and coverage need a sample).</summary>
    private const int MinimumRowsPerSize = 20;

    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle written by `profiles train`.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "CAMELS-zoomGZ28 folder, for the real held-out halos.", Required = true };
        var emulator = new Option<DirectoryInfo?>("--emulator") { Description = "Emulator folder (default: the one recorded at training)." };
        var command = new Command("evaluate", "Evaluate a profile network and write its card's metrics and plots.") { model, data, emulator };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(emulator)?.FullName, Console.Out)));
        return command;
    }

    internal static int Run(string modelFolder, string dataFolder, string? emulatorFolder, TextWriter log)
    {
        var record = ProfileTrainingRecord.Load(modelFolder);
        emulatorFolder = ModelFolder.Resolve(emulatorFolder ?? record.EmulatorFolder);
        using var bundle = ModelBundle.Load(modelFolder);
        var card = bundle.Card;
        var emulator = record.LoadEmulator(emulatorFolder);
        var emulatorCard = EmulatorCard.Load(emulatorFolder);
        log.WriteLine($"profiles evaluate: {card.ModelName} {card.ModelVersion}; rebuilding {record.Stacks} emulated stacks");
        var stacks = ProfileData.Stacks(emulator, record);
        var emulated = ProfileData.Emulated(stacks, emulator, record);
        var defaults = new TrainingOptions();
        var split = GroupSplit.Split(emulated.GroupIds, defaults.TrainFraction, defaults.ValidationFraction, card.Seed);
        var names = card.ParameterNames;
        string[] groups = [.. card.Parameters!.Select(p => p.Group)];
        string plots = Path.Combine(modelFolder, "plots");

        var (testTruth, testMean, testSigma) = Predict(bundle, emulated, split.Test);
        var metrics = MomentEvaluator.Metrics("emulated test stacks", names, testTruth, testMean, testSigma);
        var calibration = MomentEvaluator.Calibration("emulated test stacks", names, testTruth, testMean, testSigma);
        // Plots show the cosmological parameters first (the model's output order is the simulation's parameter file's).
        int[] order = [.. Enumerable.Range(0, names.Count).OrderBy(p => groups[p] == "cosmological" ? 0 : 1)];
        string[] plotNames = [.. order.Select(p => names[p])];
        string[] plotGroups = [.. order.Select(p => groups[p])];
        T[] Ordered<T>(T[] rows) => [.. order.Select(p => rows[p])];
        ParameterPlots.PredictedVersusTrue(Path.Combine(plots, "predicted-vs-true.png"), plotNames, plotGroups, Ordered(testTruth), Ordered(testMean), Ordered(testSigma));
        ParameterPlots.CorrelationBars(Path.Combine(plots, "correlation.png"), plotNames, plotGroups, [.. plotNames.Select(n => metrics.PerParameter[n].PearsonR)], TargetR);
        ParameterPlots.CoverageCurves(Path.Combine(plots, "coverage.png"), plotNames, [.. calibration.Coverage[names[0]].Select(c => c.NominalLevel)],
            [.. plotNames.Select(n => calibration.Coverage[n].Select(c => c.EmpiricalCoverage).ToArray())], "Coverage, emulated test stacks");

        var additional = new List<ModelMetrics>();
        foreach (var (label, rows) in BySize(stacks, split.Test, record))
        {
            var (t, m, s) = Predict(bundle, emulated, rows);
            additional.Add(MomentEvaluator.Metrics($"emulated test stacks, stack size {label}", names, t, m, s));
        }

        foreach (double noise in NoiseVariants)
        {
            var noisy = ProfileData.Emulated(stacks, emulator, record, noise, record.NoiseSeed + 1000);
            var (t, m, s) = Predict(bundle, noisy, split.Test);
            additional.Add(MomentEvaluator.Metrics($"emulated test stacks, {noise:P0} noise", names, t, m, s));
        }

        var data = CamelsZoomDataset.Load(dataFolder);
        var real = ProfileData.RealHalos(data, emulatorCard.TestZoomIds, record);
        var all = Enumerable.Range(0, real.Count).ToArray();
        var (realTruth, realMean, realSigma) = Predict(bundle, real, all);
        additional.Add(MomentEvaluator.Metrics(
            $"real held-out CAMELS halos ({real.Count} of {emulatorCard.TestZoomIds.Length} in 10^{record.Log10MassMin:F1}-10^{record.Log10MassMax:F1}, single halos)", names, realTruth, realMean, realSigma));
        ParameterPlots.PredictedVersusTrue(Path.Combine(plots, "predicted-vs-true-real-halos.png"), plotNames, plotGroups, Ordered(realTruth), Ordered(realMean), Ordered(realSigma));

        var evaluated = card with { Metrics = metrics, Calibration = calibration, AdditionalMetrics = additional };
        ModelBundle.WriteCard(modelFolder, evaluated);
        Report(log, evaluated, groups);
        return 0;
    }

    /// <summary>
    /// The test stacks of a stack-size-aware model grouped by size: 1, 2-9, 10-99, ... (sizes are log-uniform, so each
    /// decade holds a similar share); none for a model trained on one size.
    /// </summary>
    private static IEnumerable<(string Label, int[] Rows)> BySize(EmulatedStacks stacks, int[] test, ProfileTrainingRecord record)
    {
        if (!record.StackSizeIsInput() || stacks.StackSizes is not { } sizes)
        {
            yield break;
        }

        // Edges: the smallest size alone, then up to each power of ten; a last bin of one size joins the one before.
        var edges = new List<(int Lower, int Upper)> { (record.HalosPerStack, record.HalosPerStack) };
        for (int lower = record.HalosPerStack + 1; lower <= record.MaxHalosPerStack;)
        {
            int power = 10;
            while (power <= lower) power *= 10;
            int upper = Math.Min(record.MaxHalosPerStack, power - 1);
            upper = upper + 1 == record.MaxHalosPerStack ? record.MaxHalosPerStack : upper;
            edges.Add((lower, upper));
            lower = upper + 1;
        }

        foreach (var (lower, upper) in edges)
        {
            int[] rows = [.. test.Where(r => sizes[r] >= lower && sizes[r] <= upper)];
            if (rows.Length >= MinimumRowsPerSize)
            {
                yield return (lower == upper ? $"{lower}" : $"{lower}-{upper}", rows);
            }
        }
    }

    private static (double[][] Truth, double[][] Mean, double[][] Sigma) Predict(ModelBundle bundle, SampleDataset data, int[] rows)
    {
        int n = data.ParameterCount;
        var inputs = new float[rows.Length * data.InputLength];
        data.GatherInputs(rows, inputs);
        var predictions = bundle.Model.Predict(inputs, rows.Length);
        double[][] truth = [.. Enumerable.Range(0, n).Select(p => rows.Select(r => (double)data.Target(r)[p]).ToArray())];
        double[][] mean = [.. Enumerable.Range(0, n).Select(p => Enumerable.Range(0, rows.Length).Select(i => predictions.MeanOf(i, p)).ToArray())];
        double[][] sigma = [.. Enumerable.Range(0, n).Select(p => Enumerable.Range(0, rows.Length).Select(i => predictions.SigmaOf(i, p)).ToArray())];
        return (truth, mean, sigma);
    }

    private static void Report(TextWriter log, ModelCard card, string[] groups)
    {
        log.WriteLine($"{"parameter",-36} {"r",6} {"R2",6} {"cov68",6} {"r (real)",9} {"cov68 (real)",12}");
        var real = card.AdditionalMetrics![^1];
        int met = 0;
        for (int p = 0; p < card.ParameterNames.Count; p++)
        {
            string name = card.ParameterNames[p];
            var m = card.Metrics!.PerParameter[name];
            var r = real.PerParameter[name];
            bool ok = m.PearsonR >= TargetR[groups[p]] && m.Coverage68 is >= 0.63 and <= 0.73;
            met += ok ? 1 : 0;
            log.WriteLine($"{name,-36} {m.PearsonR,6:F3} {m.RSquared,6:F3} {m.Coverage68,6:F3} {r.PearsonR,9:F3} {r.Coverage68,12:F3} {(ok ? string.Empty : "below target")}");
        }

        log.WriteLine($"profiles evaluate: {met} of {card.ParameterNames.Count} parameters meet r >= 0.97 (cosmological) / 0.90 (astrophysical) and 68 % coverage 0.63-0.73 on the emulated test stacks");
    }
}
