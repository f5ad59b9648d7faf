using System.CommandLine;
using System.Globalization;
using System.Text;
using StreamProcessor.Plotting;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// <c>trainer maps compare</c>: reads the cards of evaluated map models and writes what the README shows: a table of R²
/// per property and model (X-ray, HI, multifield; idealised and with survey limits), RMSE of halo mass per halo class
/// (the ordering Gluck+2024 report: X-ray alone fails below ~10^12.5 under the eRASS:4 floor, multifield best), the
/// cross-model matrix, and the ordering as a grouped bar chart. Numbers come from the cards, never typed in.
/// </summary>
internal static class MapCompareCommand
{
    internal static Command Create()
    {
        var models = new Option<string[]>("--models") { Description = "Evaluated model bundle folders.", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for maps-comparison.md and ordering.png.", Required = true };
        var command = new Command("compare", "Tabulate and plot evaluated map models against each other.") { models, output };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(models)!, parse.GetValue(output)!.FullName, Console.Out)));
        return command;
    }

    internal static int Run(IReadOnlyList<string> folders, string outputFolder, TextWriter log)
    {
        var entries = folders.Select(f => (Record: MapTrainingRecord.Load(f), Card: ModelBundle.ReadCard(f))).ToList();
        if (entries.Any(e => e.Card.Metrics is null)) throw new InvalidDataException("Every model must be evaluated first (trainer maps evaluate).");
        var md = new StringBuilder();
        string Label((MapTrainingRecord Record, ModelCard Card) e) => $"{e.Record.FieldLabel}, {e.Record.Limits} ({e.Record.Family}, {e.Record.Haloes} haloes)";
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        var names = entries[0].Card.ParameterNames;

        md.AppendLine($"| model (fields, survey profile, trained on) | {string.Join(" | ", names)} |");
        md.AppendLine($"|---|{string.Concat(names.Select(_ => "---|"))}");
        foreach (var e in entries)
        {
            md.AppendLine($"| {Label(e)} | {string.Join(" | ", names.Select(n => e.Card.Metrics!.PerParameter.TryGetValue(n, out var m) ? $"{F(m.RSquared)} ({F(m.Coverage68)})" : "-"))} |");
        }

        md.AppendLine();
        md.AppendLine("RMSE of log M_halo (dex) per halo class, test maps (lower is better; the classes span 0.5-1.3 dex):");
        md.AppendLine();
        string[] classes = [.. MapParameters.MassClasses.Select(c => c.Name)];
        md.AppendLine($"| model | {string.Join(" | ", classes)} |");
        md.AppendLine($"|---|{string.Concat(classes.Select(_ => "---|"))}");
        var ordering = new double[entries.Count][];
        for (int i = 0; i < entries.Count; i++)
        {
            ordering[i] = [.. classes.Select(c => ClassRmse(entries[i].Card, c))];
            md.AppendLine($"| {Label(entries[i])} | {string.Join(" | ", ordering[i].Select(F))} |");
        }

        md.AppendLine();
        md.AppendLine("Cross-model: R² per property when the maps come from the other galaxy-formation model (same haloes):");
        md.AppendLine();
        md.AppendLine($"| trained on → tested on | {string.Join(" | ", names)} |");
        md.AppendLine($"|---|{string.Concat(names.Select(_ => "---|"))}");
        foreach (var e in entries)
        {
            var cross = e.Card.AdditionalMetrics?.FirstOrDefault(m => m.Split.StartsWith(MapEvaluateCommand.CrossPrefix, StringComparison.Ordinal));
            if (cross is null) continue;
            string other = MapData.Families.Keys.Single(f => f != e.Record.Family);
            md.AppendLine($"| {e.Record.FieldLabel}, {e.Record.Limits}: {e.Record.Family} → {e.Record.Family} | {string.Join(" | ", names.Select(n => F(e.Card.Metrics!.PerParameter[n].RSquared)))} |");
            md.AppendLine($"| {e.Record.FieldLabel}, {e.Record.Limits}: {e.Record.Family} → {other} | {string.Join(" | ", names.Select(n => F(cross.PerParameter[n].RSquared)))} |");
        }

        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, "maps-comparison.md"), md.ToString());
        GroupedBarPlots.Write(Path.Combine(outputFolder, "ordering.png"), "log M_halo from maps: RMSE per halo class (lower is better)", classes,
            [.. entries.Select(Label)], ordering, "RMSE of log M_halo, dex (test maps)");
        log.Write(md.ToString());
        log.WriteLine($"maps compare: wrote {Path.Combine(outputFolder, "maps-comparison.md")} and ordering.png");
        return 0;
    }

    private static double ClassRmse(ModelCard card, string className) =>
        card.AdditionalMetrics?.FirstOrDefault(m => m.Split == MapEvaluateCommand.ClassPrefix + className)?.PerParameter.GetValueOrDefault("log_m_halo")?.Rmse ?? double.NaN;
}
