using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StreamProcessor.Evaluation;
using StreamProcessor.Plotting;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Trainer.Data;
using static TorchSharp.torch;

namespace StreamProcessor.Trainer.Evaluation;

/// <summary>
/// One bundle scored on another evaluation's test views: its name, version, how it was trained, whether it can have
/// seen those haloes in training, and the CNN rows of its report.
/// </summary>
internal sealed record ComparedModel(string Label, string ModelName, string ModelVersion, string Training, string HaloOverlap, EvaluationReport Report);

/// <summary>
/// <c>trainer evaluate --compare-with</c>: other mass CNN bundles run on the very test views of this evaluation, each
/// fed its own input (2D image or 3D cube of the same view), scored by the same <see cref="MassEvaluator"/>. A table
/// of scatter, bias and coverage per redshift bin then compares networks, not test sets; it is printed, put in the
/// card's metrics (keys <c>vs_{folder}_…</c>), appended to card.md and drawn as one bar chart.
/// </summary>
internal static partial class ModelComparison
{
    public const string PlotFile = "plots/comparison_scatter_by_redshift.png";

    /// <summary>Runs the bundle in <paramref name="bundleDirectory"/> on <paramref name="reference"/>'s views.</summary>
    /// <param name="bundleDirectory">The compared bundle (2D or 3D mass CNN).</param>
    /// <param name="dataDirectory">The evaluated dataset.</param>
    /// <param name="keep">The filter that chose this evaluation's test views.</param>
    /// <param name="reference">This evaluation's samples, loaded from <paramref name="dataDirectory"/> with <paramref name="keep"/>.</param>
    /// <param name="testHaloes">The test haloes, to say whether the compared bundle can have trained on them.</param>
    /// <param name="manifest">The dataset's manifest (its simulate seed).</param>
    /// <param name="device">Where the compared network runs.</param>
    /// <param name="maxBatch">Views per forward pass.</param>
    public static ComparedModel Evaluate(
        string bundleDirectory, string dataDirectory, Func<DatasetSample, bool> keep, IReadOnlyList<EvaluatedSample> reference,
        IReadOnlySet<int> testHaloes, DatasetManifest manifest, Device device, int maxBatch)
    {
        ModelCard card = ModelBundle.ReadCard(bundleDirectory);
        ModelInputs inputs = ModelInputs.Load(dataDirectory, InputArchitectures.Of(card.Architecture), keep);
        if (inputs.Samples.Count != reference.Count)
        {
            throw new InvalidOperationException($"{bundleDirectory}: {inputs.Samples.Count} views loaded for the comparison, {reference.Count} evaluated.");
        }

        using var bundle = ModelBundle.Load(bundleDirectory, device);
        var predictions = bundle.Model.Predict(inputs.Inputs, inputs.Samples.Count, maxBatch);
        var samples = new EvaluatedSample[reference.Count];
        for (int i = 0; i < samples.Length; i++)
        {
            DatasetSample view = inputs.Samples[i];
            if (view.HaloId != reference[i].HaloId || view.LineOfSight != reference[i].LineOfSight)
            {
                throw new InvalidOperationException($"View {i} differs between the evaluation and the comparison: halo {view.HaloId} vs {reference[i].HaloId}.");
            }

            samples[i] = reference[i] with { CnnMean = predictions.MeanOf(i), CnnSigma = predictions.SigmaOf(i) };
        }

        EvaluationReport report = MassEvaluator.Evaluate(samples, samples.Min(s => s.Log10MTrue), samples.Max(s => s.Log10MTrue));
        return new ComparedModel(Path.GetFileName(Path.TrimEndingDirectorySeparator(bundleDirectory)), card.ModelName, card.ModelVersion,
            TrainingLine(card), HaloOverlap(bundleDirectory, card.ModelVersion, testHaloes, manifest), report);
    }

    /// <summary>
    /// Whether the compared bundle can have trained on these test haloes. Halo i of simulate seed s is drawn from its
    /// own random stream, so a bundle trained on another seed never saw them; on the same seed the split must match.
    /// </summary>
    private static string HaloOverlap(string bundleDirectory, string version, IReadOnlySet<int> testHaloes, DatasetManifest manifest)
    {
        if (DataSeed().Match(version) is not { Success: true } match) return "training data unknown: overlap with the test haloes not checked";
        ulong seed = ulong.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (seed != manifest.Seed) return $"trained on simulate seed {seed}, test haloes from seed {manifest.Seed}: disjoint haloes";
        bool sameSplit = File.Exists(Path.Combine(bundleDirectory, TrainingSplitRecord.FileName))
            && TrainingSplitRecord.Load(bundleDirectory).TestHaloIds.ToHashSet().SetEquals(testHaloes);
        return sameSplit
            ? $"trained on this dataset (seed {seed}) with the same halo split: test haloes unseen"
            : $"trained on this dataset (seed {seed}) with ANOTHER split: some test haloes were seen in training";
    }

    /// <summary>The training budget and cost a card records, so a comparison says whether the models had the same.</summary>
    public static string TrainingLine(ModelCard card) => card.Training is { } t
        ? string.Create(CultureInfo.InvariantCulture,
            $"{t.Epochs} epochs (best {t.BestEpoch}) on {t.TrainSamples} training views, {t.TrainSamplesPerSecond:0} samples/s on {t.Device} with {card.TrainingMachine?.IntraOpThreads} thread(s), {t.WallSeconds / 60:0.0} min")
        : "training not recorded";

    /// <summary>The CNN's contaminated, 10^14–10^15 rows: all redshifts first, then each redshift bin.</summary>
    public static IEnumerable<(string Redshift, EstimatorMetrics Metrics)> HeadlineRows(EvaluationReport report)
    {
        static bool Headline(EstimatorMetrics m) => m.Estimator == Estimators.Cnn && m.Catalogue == Catalogues.Contaminated
            && m.Log10MMin == TrainerDefaults.HeadlineLog10MMin && m.Log10MMax == TrainerDefaults.HeadlineLog10MMax;
        foreach (EstimatorMetrics m in report.Metrics.Where(Headline)) yield return ("all", m);
        foreach (RedshiftBinMetrics bin in report.RedshiftBins.Where(b => Headline(b.Metrics)))
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"{bin.RedshiftMin:0.00}-{bin.RedshiftMax:0.00}"), bin.Metrics);
        }
    }

    /// <summary>One printed line per (model, redshift bin).</summary>
    public static IEnumerable<string> Lines(string label, EvaluationReport report) =>
        HeadlineRows(report).Select(r => string.Create(CultureInfo.InvariantCulture,
            $"compare: {label,-28} z {r.Redshift,-9} N={r.Metrics.Count,5} bias={r.Metrics.BiasDex,7:0.000} scatter={r.Metrics.ScatterDex:0.000} cov68={r.Metrics.Coverage68 ?? double.NaN:0.000} cov95={r.Metrics.Coverage95 ?? double.NaN:0.000}"));

    /// <summary>
    /// Card metric entries <c>vs_{label}_z{bin}_{scatter_dex|bias_dex|coverage68|count}</c> of one compared model; keyed by
    /// its folder name, since two compared bundles may share a model name (a 2D trained on this dataset and the shipped 2D).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, double>> CardMetrics(ComparedModel model)
    {
        foreach (var (redshift, m) in HeadlineRows(model.Report))
        {
            string key = $"vs_{model.Label}_{Catalogues.Contaminated}_z{redshift}_{m.Log10MMin:0.0#}_{m.Log10MMax:0.0#}";
            yield return new($"{key}_scatter_dex", m.ScatterDex);
            yield return new($"{key}_bias_dex", m.BiasDex);
            if (m.Coverage68 is { } coverage) yield return new($"{key}_coverage68", coverage);
            yield return new($"{key}_count", m.Count);
        }
    }

    /// <summary>The comparison section of card.md: this model and each compared one, row by row.</summary>
    public static string Markdown(string thisLabel, string thisTraining, EvaluationReport thisReport, IReadOnlyList<ComparedModel> compared)
    {
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## Comparison on the same test views (`trainer evaluate --compare-with`)");
        md.AppendLine();
        md.AppendLine("Every model below is run on the same held-out views (contaminated catalogues, 10^14–10^15 h⁻¹ M☉), each on its own input " +
                      "(2D image or 3D cube of the same view). Scatter and bias of log10 M_pred − log10 M_true in dex; cov 68 = fraction within 1σ.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- {thisLabel}: {thisTraining}.");
        foreach (ComparedModel model in compared) md.AppendLine(CultureInfo.InvariantCulture, $"- {model.Label} ({model.ModelVersion}): {model.Training}; {model.HaloOverlap}.");
        md.AppendLine();
        md.AppendLine("| model | z | N | bias [dex] | scatter [dex] | cov 68 | cov 95 |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var (label, report) in compared.Select(c => (c.Label, c.Report)).Prepend((Label: thisLabel, Report: thisReport)))
        {
            foreach (var (redshift, m) in HeadlineRows(report))
            {
                md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {label} | {redshift} | {m.Count} | {m.BiasDex:0.000} | {m.ScatterDex:0.000} | {m.Coverage68 ?? double.NaN:0.000} | {m.Coverage95 ?? double.NaN:0.000} |"));
            }
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"![scatter per redshift bin]({PlotFile})");
        return md.ToString();
    }

    /// <summary>Bar chart of the scatter per redshift bin, one bar per model; returns the relative path.</summary>
    public static string WritePlot(string modelDirectory, string thisLabel, EvaluationReport thisReport, IReadOnlyList<ComparedModel> compared)
    {
        var reports = compared.Select(c => (c.Label, c.Report)).Prepend((Label: thisLabel, Report: thisReport)).ToArray();
        string[] redshifts = [.. HeadlineRows(thisReport).Select(r => r.Redshift)];
        double[][] values = [.. reports.Select(r =>
        {
            var byRedshift = HeadlineRows(r.Report).ToDictionary(x => x.Redshift, x => x.Metrics.ScatterDex);
            return redshifts.Select(z => byRedshift.GetValueOrDefault(z, double.NaN)).ToArray();
        })];
        GroupedBarPlots.Write(Path.Combine(modelDirectory, PlotFile), "CNN scatter on the same test views (contaminated, 1e14-1e15)",
            [.. redshifts.Select(z => $"z {z}")], [.. reports.Select(r => r.Label)], values, "scatter of log10 M [dex]");
        return PlotFile;
    }

    [GeneratedRegex(@"-data(\d+)-")]
    private static partial Regex DataSeed();
}
