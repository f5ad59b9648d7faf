using System.Globalization;
using System.Text;

namespace StreamProcessor.Torch.Bundles;

/// <summary>The card.md section of a posterior head: what it is, how it was trained, and its calibration beside the moment network's.</summary>
internal static class PosteriorHeadMarkdown
{
    public static void Render(StringBuilder md, PosteriorHeadCard head)
    {
        var spec = head.Spec;
        var t = head.Training;
        md.AppendLine();
        md.AppendLine("## Full posterior (posterior head)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"{spec.ArchitectureId}: a mixture density network (neural posterior estimation, Papamakarios & Murray 2016) on the network's " +
            $"{spec.InputFeatures}-value embedding, {spec.Components} Gaussian components, hidden widths {string.Join("-", spec.HiddenWidths)}, dropout {F(spec.DropoutProbability)}; " +
            $"weights {head.WeightsFile} (SHA-256 {head.WeightsSha256}). The moment network is frozen: its mean and sigma stay as measured above.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Trained {t.Epochs} epochs (best {t.BestEpoch}{(t.StoppedEarly ? ", stopped early" : string.Empty)}) on {t.TrainSamples} training and {t.ValidationSamples} validation samples, " +
            $"seed {t.Seed}, {F(t.WallSeconds)} s on {t.Machine.Device} ({t.Machine.IntraOpThreads} threads); best validation −ln q {F(t.BestValidationNll)} nats; {t.SkippedSteps} batches skipped. " +
            $"Published quantile levels: {string.Join(", ", head.QuantileLevels.Select(F))}.");
        if (head.Calibration is not { } c)
        {
            md.AppendLine();
            md.AppendLine("Calibration: not evaluated yet.");
            return;
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Simulation-based calibration (Talts et al. 2018) of {c.Parameter} on {c.Samples} {c.Split} samples, {c.Draws} posterior draws each:");
        md.AppendLine();
        md.AppendLine("| Estimator | rank χ² (p) | mean abs coverage error | max abs coverage error | 68 % | 95 % | −ln q (nats) | point RMSE | point bias |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, e) in c.Estimators)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {F(e.RankChiSquare)} ({F(e.RankPValue)}) | {F(e.MeanAbsCoverageError)} | {F(e.MaxAbsCoverageError)} | {F(e.Coverage[c.LevelIndex(0.68)])} | {F(e.Coverage[c.LevelIndex(0.95)])} | " +
                $"{F(e.MeanNegativeLogDensity)} | {F(e.PointRmse)} | {F(e.PointBias)} |");
        }

        if (c.Bins.Count > 0)
        {
            var names = c.Estimators.Keys.ToArray();
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"| Bin | N | {string.Join(" | ", names.Select(n => $"68 % {n} | 95 % {n} | mean abs error {n}"))} |");
            md.AppendLine(CultureInfo.InvariantCulture, $"|---|---|{string.Concat(Enumerable.Repeat("---|---|---|", names.Length))}");
            foreach (var bin in c.Bins)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {bin.Label} | {bin.Samples} | {string.Join(" | ", names.Select(n => $"{F(bin.Coverage68[n])} | {F(bin.Coverage95[n])} | {F(bin.MeanAbsCoverageError[n])}"))} |");
            }
        }

        md.AppendLine();
        md.AppendLine(c.Verdict);
    }

    private static string F(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
