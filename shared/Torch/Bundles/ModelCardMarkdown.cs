using System.Globalization;
using System.Text;

namespace StreamProcessor.Torch.Bundles;

/// <summary>Renders a <see cref="ModelCard"/> as Markdown (Mitchell+2019 "Model Cards for Model Reporting", arXiv:1810.03993, sections in spirit).</summary>
public static class ModelCardMarkdown
{
    /// <summary>The card as a Markdown document.</summary>
    public static string Render(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {card.ModelName} {card.ModelVersion}");
        md.AppendLine();
        md.AppendLine("| Field | Value |");
        md.AppendLine("|---|---|");
        Row(md, "Architecture", ArchitectureText(card.Architecture));
        Row(md, "Input shape", string.Join(" x ", card.InputShape));
        Row(md, "Parameters", string.Join(", ", card.ParameterNames));
        Row(md, "Code version", card.CodeVersion);
        Row(md, "Created (UTC)", card.CreatedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Row(md, "Seed", card.Seed.ToString(CultureInfo.InvariantCulture));
        Row(md, "Weights", $"{card.WeightsFile} (SHA-256 {card.WeightsSha256})");
        md.AppendLine();
        md.AppendLine("## Training data");
        md.AppendLine();
        md.AppendLine(card.TrainingData);
        md.AppendLine();
        md.AppendLine("## Normalisation");
        md.AppendLine();
        var n = card.Normalisation;
        md.AppendLine(CultureInfo.InvariantCulture, $"Input: x * {F(n.InputScale)}{(n.LogInput ? $", then ln(u + {F(n.LogOffset)})" : string.Empty)}.");
        md.AppendLine();
        if (n.SigmaScale is not null)
        {
            md.AppendLine("Sigma scale: each parameter's sigma is multiplied by the factor below, fitted on the validation split so that 68.27 % of its truths lie within 1 sigma.");
            md.AppendLine();
        }

        md.AppendLine(n.SigmaScale is null ? "| Parameter | Target mean | Target std |" : "| Parameter | Target mean | Target std | Sigma scale |");
        md.AppendLine(n.SigmaScale is null ? "|---|---|---|" : "|---|---|---|---|");
        for (int p = 0; p < card.ParameterNames.Count; p++)
        {
            string scale = n.SigmaScale is null ? string.Empty : $" {F(n.SigmaScale[p])} |";
            md.AppendLine(CultureInfo.InvariantCulture, $"| {card.ParameterNames[p]} | {F(n.TargetMean[p])} | {F(n.TargetStd[p])} |{scale}");
        }

        if (card.Parameters is { } parameters)
        {
            md.AppendLine();
            md.AppendLine("## Parameters");
            md.AppendLine();
            md.AppendLine("| Parameter | Group | Unit | Prior min | Prior max | log10 | Description |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var p in parameters)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {p.Name} | {p.Group} | {p.Unit} | {F(p.PriorMin)} | {F(p.PriorMax)} | {(p.Log10Target ? "yes" : "no")} | {p.Description.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }
        }

        if (card.Training is { } t)
        {
            md.AppendLine();
            md.AppendLine("## Training run");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{t.Epochs} epochs (best {t.BestEpoch}{(t.StoppedEarly ? ", stopped early" : string.Empty)}), best validation loss {F(t.BestValidationLoss)}, " +
                $"test loss {(t.TestLoss is { } tl ? F(tl) : "n/a")}; samples train/validation/test {t.TrainSamples}/{t.ValidationSamples}/{t.TestSamples}; " +
                $"device {t.Device}, {F(t.TrainSamplesPerSecond)} samples/s, {F(t.WallSeconds)} s.");
            if (t.MaxGradientNorm is { } clip)
            {
                md.AppendLine(
                    CultureInfo.InvariantCulture,
                    $"Learning-rate warm-up {t.WarmupSteps} steps; gradient norm clipped to {F(clip)} in {t.ClippedSteps} steps; " +
                    $"{t.SkippedSteps} batches skipped for a non-finite loss or gradient.");
            }
        }

        if (card.TrainingMachine is { } machine)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Trained on {machine.Device}: {machine.CpuModel}, {machine.LogicalCores} logical cores, {machine.IntraOpThreads} intra-op threads, " +
                $"{machine.CpuCapability} kernels, deterministic algorithms {(machine.DeterministicAlgorithms ? "on" : "off")}; {machine.OperatingSystem}; {machine.Runtime}. " +
                $"The same data, options and seed reproduce these weights only with the same device, kernels and thread count.");
        }

        md.AppendLine();
        md.AppendLine("## Metrics");
        md.AppendLine();
        if (card.Metrics is { } m)
        {
            MetricsTable(md, m);
        }
        else
        {
            md.AppendLine("Not evaluated yet.");
        }

        foreach (var extra in card.AdditionalMetrics ?? [])
        {
            md.AppendLine();
            MetricsTable(md, extra);
        }

        if (card.HyperparameterSearch is { } search)
        {
            md.AppendLine();
            md.AppendLine("## Hyper-parameter search");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{search.Method}, seed {search.Seed}, {search.Budget} trials, objective: {search.Objective}; trial {search.BestTrial + 1} chosen.");
            md.AppendLine();
            md.AppendLine("| Trial | Configuration | Objective | Seconds |");
            md.AppendLine("|---|---|---|---|");
            for (int i = 0; i < search.Trials.Count; i++)
            {
                var trial = search.Trials[i];
                string configuration = string.Join(", ", trial.Parameters.Select(kv => $"{kv.Key} {F(kv.Value)}"));
                md.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1}{(i == search.BestTrial ? " (best)" : string.Empty)} | {configuration} | {F(trial.Objective)} | {F(trial.Seconds)} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Calibration");
        md.AppendLine();
        if (card.Calibration is { } c)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Split: {c.Split}.");
            md.AppendLine();
            md.AppendLine("| Parameter | Nominal | Empirical |");
            md.AppendLine("|---|---|---|");
            foreach (var (name, points) in c.Coverage)
            {
                foreach (var point in points)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(point.NominalLevel)} | {F(point.EmpiricalCoverage)} |");
                }
            }
        }
        else
        {
            md.AppendLine("Not evaluated yet.");
        }

        if (card.PosteriorHead is { } head)
        {
            PosteriorHeadMarkdown.Render(md, head);
        }

        md.AppendLine();
        md.AppendLine("## Training domain");
        md.AppendLine();
        if (card.TrainingDomain is { } d)
        {
            md.AppendLine("| Quantity | Min | Max |");
            md.AppendLine("|---|---|---|");
            Range(md, "richness", d.Richness);
            Range(md, "sigma_los_km_per_s", d.SigmaLosKmPerS);
            Range(md, "redshift", d.Redshift);
            foreach (var (name, range) in d.Parameters)
            {
                Range(md, name, range);
            }

            Range(md, "image_total", d.ImageTotal);
            Range(md, "image_peak_over_mean", d.ImagePeakOverMean);
            if (d.ApertureCoverage is { } coverage) ApertureCoverageMarkdown.Append(md, coverage);
        }
        else if (card.FeatureDomain is { } features)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"{features.FeatureNames.Count} input features, each with its training-split range in card.json; an input with more than {features.MaxFeaturesOutside} features outside them is flagged out of distribution.");
        }
        else
        {
            md.AppendLine("Not recorded yet.");
        }

        return md.ToString();
    }

    private static string ArchitectureText(Models.NetworkSpec spec) => spec.HiddenWidths is { } widths
        ? $"{spec.ArchitectureId} ({(spec.WhitenedInputs is { } axes ? $"{spec.InputFeatures} inputs PCA-whitened onto {axes} axes by a frozen first layer, " : string.Empty)}hidden widths {string.Join("-", widths)}, dropout {F(spec.DropoutProbability)}, sigma floor {F(spec.SigmaFloor)})"
        : $"{spec.ArchitectureId} (base channels {spec.BaseChannels}, dropout {F(spec.DropoutProbability)}, sigma floor {F(spec.SigmaFloor)})";

    private static void MetricsTable(StringBuilder md, ModelMetrics m)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"Split: {m.Split}.");
        md.AppendLine();
        bool wide = m.PerParameter.Values.Any(pm => pm.Coverage95 is not null);
        md.AppendLine(CultureInfo.InvariantCulture, $"| Parameter | N | RMSE | Bias | R^2 | eps | chi^2_red | 68% coverage |{(wide ? " 95% coverage |" : string.Empty)} Pearson r |");
        md.AppendLine(CultureInfo.InvariantCulture, $"|---|---|---|---|---|---|---|---|{(wide ? "---|" : string.Empty)}---|");
        foreach (var (name, pm) in m.PerParameter)
        {
            string coverage95 = wide ? $" {(pm.Coverage95 is { } c95 ? F(c95) : "n/a")} |" : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {pm.Count} | {F(pm.Rmse)} | {F(pm.Bias)} | {F(pm.RSquared)} | {F(pm.MeanRelativeError)} | {F(pm.ReducedChiSquared)} | {F(pm.Coverage68)} |{coverage95} {F(pm.PearsonR)} |");
        }

        foreach (var (name, value) in m.Baselines ?? new Dictionary<string, double>())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- baseline {name}: {F(value)}");
        }
    }

    private static void Row(StringBuilder md, string field, string value) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {field} | {value.Replace("|", "\\|", StringComparison.Ordinal)} |");

    private static void Range(StringBuilder md, string name, ValueRange range) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(range.Min)} | {F(range.Max)} |");

    private static string F(double value) => value.ToString("G5", CultureInfo.InvariantCulture);
}
