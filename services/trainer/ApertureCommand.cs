using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Aperture;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer;

/// <summary>
/// <c>trainer aperture</c>: the aperture-coverage table of a mass model (how far the kept galaxies of its training views
/// reach into the aperture, per richness and redshift; <see cref="ApertureCoverage"/>), measured on the dataset's
/// views re-simulated from its manifest, written into the card's training domain (card.json and card.md; the weights
/// are not touched). On the held-out test haloes it then measures the false-flag rate at full coverage, the detection
/// rate and the CNN's mass shift with the spectra cut to R_proj &lt; R_t, and records them in the card.
/// </summary>
internal static class ApertureCommand
{
    /// <summary>Redshift rows of the table: the card's evaluation bins (the selection changes at z = 0.25, R200c shrinks with z).</summary>
    public static readonly IReadOnlyList<double> RedshiftEdges = [0.03, 0.15, 0.3, 0.5, 0.8, 1.1];

    /// <summary>Fewest training views per bin: a 1 % quantile of 500 views has ~5 views below it (flag rate 1 % ± 0.45 %).</summary>
    public const int MinViewsPerBin = 500;

    private const string EvaluationHeading = "\n## Evaluation (";

    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle folder (its card gets the table; weights untouched).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on (`trainer simulate` output).", Required = true };
        var rank = new Option<int>("--rank") { Description = "k of the statistic: radius reached by the k-th farthest kept galaxy (1-3).", DefaultValueFactory = _ => 1 };
        var quantile = new Option<double>("--quantile") { Description = "Quantile of the training reach taken as each bin's threshold.", DefaultValueFactory = _ => 0.01 };
        var truncate = new Option<double[]>("--truncate")
        {
            Description = "Radii (h^-1 Mpc) the held-out views are cut to for the detection rates.",
            DefaultValueFactory = _ => [0.4, 0.63, 0.8, 1.0, 1.2, 1.4],
            AllowMultipleArgumentsPerToken = true,
        };
        var threads = new Option<int>("--threads") { Description = "Worker threads (-1: all cores).", DefaultValueFactory = _ => -1 };
        var command = new Command("aperture", "Measure the aperture-coverage thresholds of a mass model's training views, write them into its card, and report false-flag and detection rates.")
        {
            model, data, rank, quantile, truncate, threads,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            new ApertureRequest(parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(rank), parse.GetValue(quantile),
                parse.GetValue(truncate)!, parse.GetValue(threads)),
            System.Console.Out)));
        return command;
    }

    internal static int Run(ApertureRequest request, TextWriter log)
    {
        if (request.MemberRank is < 1 or > CoverageView.MaxRank) throw new ArgumentOutOfRangeException(nameof(request), request.MemberRank, $"--rank must be 1-{CoverageView.MaxRank}.");
        var clock = Stopwatch.StartNew();
        DatasetManifest manifest = DatasetManifest.Load(request.DataDirectory);
        TrainingSplitRecord split = TrainingSplitRecord.Load(request.ModelDirectory);
        var simulator = new CoverageViewSimulator(manifest);

        // 1. Every view of the dataset, re-simulated and checked against what samples.bin stored.
        IReadOnlyList<CoverageView> all = simulator.Simulate([.. Enumerable.Range(0, manifest.HaloCount)], null, withImages: false, request.Threads);
        var contaminated = DatasetFile.Read(Path.Combine(request.DataDirectory, DatasetFile.SamplesFileName), s => s.Contaminated, withImages: false).Samples;
        CoverageViewSimulator.CheckAgainst(all, contaminated);

        // The model's test haloes, proven to be this dataset's: the trainer's group split recomputed, as `evaluate` does.
        var testHaloes = split.TestHaloIds.ToHashSet();
        DatasetSplit recomputed = GroupSplit.Split([.. contaminated.Select(s => (long)s.HaloId)], split.TrainFraction, split.ValidationFraction, split.Seed);
        if (!recomputed.Test.Select(i => contaminated[i].HaloId).ToHashSet().SetEquals(testHaloes))
        {
            throw new InvalidOperationException($"The test haloes of {request.DataDirectory} differ from those recorded at training: wrong dataset for this model.");
        }

        var training = all.Where(v => !testHaloes.Contains(v.HaloId)).ToList();
        log.WriteLine($"aperture: {all.Count} contaminated views of {manifest.HaloCount} haloes re-simulated and matched to {DatasetFile.SamplesFileName} ({clock.Elapsed.TotalSeconds:F1} s); " +
                      $"{training.Count} from the training and validation haloes set the thresholds");

        // 2. The card's test (reach / R_sigma at the requested rank) and the alternatives printed beside it.
        double omegaM = simulator.OmegaM;
        CoverageTest Test(string name, int rank, Func<CoverageView, double> statistic) => CoverageTest.Build(
            name, training, statistic, rank, omegaM, simulator.ApertureRadiusMpcOverH, request.FlagQuantile, RedshiftEdges, MinViewsPerBin);
        Func<CoverageView, double> InDispersionRadii(int rank) =>
            v => ApertureCoverage.Statistic(v.ReachByRankMpcOverH[rank - 1], v.SigmaLosKmPerS, v.Redshift, omegaM);
        CoverageTest card = Test($"reach/R_sigma k={request.MemberRank} (card)", request.MemberRank, InDispersionRadii(request.MemberRank));
        List<CoverageTest> tests =
        [
            card,
            .. Enumerable.Range(1, CoverageView.MaxRank).Where(k => k != request.MemberRank).Select(k => Test($"reach/R_sigma k={k}", k, InDispersionRadii(k))),
            Test("reach in h^-1 Mpc k=1", 1, v => v.ReachByRankMpcOverH[0]),
        ];

        // 3. Held-out haloes: full coverage, then each truncation, through the CNN.
        using var bundle = ModelBundle.Load(request.ModelDirectory);
        int[] testIds = [.. testHaloes.Order()];
        IReadOnlyList<CoverageView> full = simulator.Simulate(testIds, null, withImages: true, request.Threads);
        double[] fullPrediction = Predict(bundle, full);
        var fullByView = Enumerable.Range(0, full.Count).ToDictionary(i => (full[i].HaloId, full[i].LineOfSight), i => fullPrediction[i]);
        var checks = new List<ApertureCoverageCheck> { CoverageCheck.Row(card, null, full, fullPrediction, fullByView) };
        var flagged = tests.ToDictionary(t => t, t => new List<double> { t.FlaggedFraction(full) });
        foreach (double radius in request.TruncationRadiiMpcOverH)
        {
            IReadOnlyList<CoverageView> cut = simulator.Simulate(testIds, radius, withImages: true, request.Threads);
            double[] prediction = Predict(bundle, cut);
            checks.Add(CoverageCheck.Row(card, radius, cut, prediction, fullByView));
            foreach (CoverageTest t in tests) flagged[t].Add(t.FlaggedFraction(cut));
            Breakdown(log, radius, tests, cut, prediction, fullByView);
        }

        Report(log, request, tests, flagged, checks, full.Count);
        WriteCard(request.ModelDirectory, bundle.Card, card.Table with { Checks = checks });
        log.WriteLine($"aperture: wrote {card.Table.Bins.Count} bins and {checks.Count} held-out checks into {Path.Combine(request.ModelDirectory, ModelBundle.CardFileName)} and {ModelBundle.MarkdownFileName} ({clock.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }

    /// <summary>Detection per redshift row, among the views the cut moved down by more than 0.1 dex, and the shift of the views missed.</summary>
    private static void Breakdown(
        TextWriter log, double radius, IReadOnlyList<CoverageTest> tests, IReadOnlyList<CoverageView> cut, double[] prediction,
        IReadOnlyDictionary<(int, int), double> fullByView)
    {
        double? Shift(int i) => fullByView.TryGetValue((cut[i].HaloId, cut[i].LineOfSight), out double full) ? prediction[i] - full : null;
        var moved = Enumerable.Range(0, cut.Count).Where(i => Shift(i) < -0.1).Select(i => cut[i]).ToList();
        foreach (CoverageTest t in tests)
        {
            string rows = string.Join(" ", RedshiftEdges.Zip(RedshiftEdges.Skip(1)).Select(e =>
            {
                var inRow = cut.Where(v => v.Redshift >= e.First && v.Redshift < e.Second).ToList();
                return string.Create(CultureInfo.InvariantCulture, $"z{e.First:0.00}-{e.Second:0.00}:{t.FlaggedFraction(inRow) * 100:0}%");
            }));
            var missed = Enumerable.Range(0, cut.Count).Where(i => !t.Flags(cut[i]) && Shift(i) is not null).Select(i => Shift(i)!.Value).ToList();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aperture: R < {radius:0.00#} {t.Name,-26} {rows}; of {moved.Count} views moved < -0.1 dex {t.FlaggedFraction(moved) * 100:0.0} % flagged; " +
                $"{missed.Count} unflagged views moved {(missed.Count > 0 ? missed.Average() : double.NaN):+0.000;-0.000;+0.000} dex on average"));
        }
    }

    private static double[] Predict(ModelBundle bundle, IReadOnlyList<CoverageView> views)
    {
        int length = bundle.Model.InputLength;
        if (views.Count > 0 && views[0].Image!.Length != length)
        {
            throw new InvalidOperationException($"The bundle reads {length} values per input; `trainer aperture` runs the 2D images ({views[0].Image!.Length} values) of the phase-space path.");
        }
        var inputs = new float[views.Count * length];
        for (int i = 0; i < views.Count; i++) views[i].Image!.CopyTo(inputs, i * length);
        var predictions = bundle.Model.Predict(inputs, views.Count);
        return [.. Enumerable.Range(0, views.Count).Select(i => predictions.MeanOf(i))];
    }

    private static void Report(
        TextWriter log, ApertureRequest request, IReadOnlyList<CoverageTest> tests,
        IReadOnlyDictionary<CoverageTest, List<double>> flagged, IReadOnlyList<ApertureCoverageCheck> checks, int heldOutViews)
    {
        string radii = string.Join(" ", request.TruncationRadiiMpcOverH.Select(r => string.Create(CultureInfo.InvariantCulture, $"R<{r:0.00#}")));
        log.WriteLine($"aperture: flagged % of {heldOutViews} held-out views (full, {radii}):");
        foreach (CoverageTest t in tests)
        {
            log.WriteLine($"aperture:   {t.Name,-26} {string.Join(" ", flagged[t].Select(f => (f * 100).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(6)))}  ({t.Table.Bins.Count} bins)");
        }
        foreach (ApertureCoverageCheck c in checks)
        {
            string cover = c.TruncationRadiusMpcOverH is { } r ? string.Create(CultureInfo.InvariantCulture, $"R < {r:0.00#}") : "full    ";
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aperture: card test, {cover} views={c.Views,5} flagged={c.FlaggedFraction * 100,5:0.0} % CNN bias (10^14-10^15)={c.CnnBiasDex,7:+0.000;-0.000;+0.000} shift from full={c.CnnShiftDex,7:+0.000;-0.000;+0.000} dex"));
        }
    }

    /// <summary>
    /// Card with the table in its training domain; card.md is re-rendered and keeps the evaluation appendix that
    /// <c>trainer evaluate</c> added after the rendered card.
    /// </summary>
    private static void WriteCard(string folder, ModelCard card, ApertureCoverage table)
    {
        TrainingDomain domain = card.TrainingDomain ?? throw new InvalidOperationException("The card has no training domain: train the model with `trainer train` first.");
        string markdown = Path.Combine(folder, ModelBundle.MarkdownFileName);
        string previous = File.Exists(markdown) ? File.ReadAllText(markdown) : string.Empty;
        string rendered = ModelCardMarkdown.Render(card);
        int at = previous.StartsWith(rendered, StringComparison.Ordinal) ? rendered.Length : previous.IndexOf(EvaluationHeading, StringComparison.Ordinal);
        string appendix = at >= 0 ? previous[at..] : string.Empty;
        ModelBundle.WriteCard(folder, card with { TrainingDomain = domain with { ApertureCoverage = table } });
        File.AppendAllText(markdown, appendix);
        ModelBundle.ReadCard(folder);
    }
}
