using System.CommandLine;
using StreamProcessor.MapInference;
using StreamProcessor.Maps;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// <c>trainer maps train</c>: generated haloes (flat in log M, three projections each) → floors of a survey profile →
/// log10 maps → the map CNN (map-cnn-v1) with the moment loss, split 70/15/15 by halo, sigmas calibrated on the
/// validation split. Writes the bundle with map-layout.json (what map-inference matches records against) and
/// map-training.json (what <c>maps evaluate</c> rebuilds the test haloes from).
/// </summary>
internal static class MapTrainCommand
{
    internal static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Model bundle folder to write.", Required = true };
        var family = new Option<string>("--family") { Description = "Galaxy-formation model of the training maps: tng-like or simba-like.", DefaultValueFactory = _ => "tng-like" };
        var fields = new Option<string>("--fields") { Description = "Channels, comma-separated, in order: xray, hi or xray,hi.", DefaultValueFactory = _ => "xray,hi" };
        var limits = new Option<string>("--limits") { Description = "Survey profile: idealised or erass4-mhongoose.", DefaultValueFactory = _ => "erass4-mhongoose" };
        var haloes = new Option<int>("--haloes") { Description = "Haloes to generate (three maps each).", DefaultValueFactory = _ => 4000 };
        var massMin = new Option<double>("--mass-min") { Description = "Lower edge of log10 M200c (M_sun).", DefaultValueFactory = _ => 11.5 };
        var massMax = new Option<double>("--mass-max") { Description = "Upper edge of log10 M200c (M_sun).", DefaultValueFactory = _ => 14.3 };
        var massOnly = new Option<bool>("--mass-only") { Description = "Infer log10 halo mass only (the cluster-mass CNN)." };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs.", DefaultValueFactory = _ => 25 };
        var baseChannels = new Option<int>("--base-channels") { Description = "Channels of the first block (doubling per block).", DefaultValueFactory = _ => 8 };
        var pooling = new Option<int>("--pooling") { Description = "Average-pool the 128x128 input by this factor first (1, 2 or 4).", DefaultValueFactory = _ => 2 };
        var learningRate = new Option<double>("--learning-rate") { DefaultValueFactory = _ => 2e-3 };
        var seed = new Option<int>("--seed") { Description = "Seeds the generator, weights, split and shuffle.", DefaultValueFactory = _ => 2024 };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads (the card records them)." };
        var command = new Command("train", "Train a map CNN (X-ray, HI or multifield) on generated maps.")
        {
            output, family, fields, limits, haloes, massMin, massMax, massOnly, epochs, baseChannels, pooling, learningRate, seed, threads,
        };
        command.SetAction((parse, _) =>
        {
            var record = new MapTrainingRecord(parse.GetValue(family)!, [.. parse.GetValue(fields)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
                parse.GetValue(limits)!, parse.GetValue(haloes), parse.GetValue(massMin), parse.GetValue(massMax), parse.GetValue(massOnly), (ulong)parse.GetValue(seed));
            return RunAsync(parse.GetValue(output)!.FullName, record, parse.GetValue(epochs), parse.GetValue(baseChannels), parse.GetValue(pooling),
                parse.GetValue(learningRate), parse.GetValue(seed), parse.GetValue(threads), Console.Out);
        });
        return command;
    }

    internal static async Task<int> RunAsync(
        string outputFolder, MapTrainingRecord record, int epochs, int baseChannels, int pooling, double learningRate, int seed, int? threads, TextWriter log)
    {
        Check(record);
        var settings = MapData.Settings(record);
        log.WriteLine($"maps train: {record.Haloes} {record.Family} haloes 10^{record.Log10MassMin:F1}-10^{record.Log10MassMax:F1} x {MapGenerator.ProjectionsPerHalo} projections, " +
            $"fields {record.FieldLabel}, limits {record.Limits}, {(record.MassOnly ? "log10 mass only" : "six CGM properties")}");
        var data = MapData.Build(record, [.. Enumerable.Range(0, record.Haloes)], log: log.WriteLine);
        var definitions = record.MassOnly ? MapParameters.MassOnly : MapParameters.Cgm;
        var spec = NetworkSpec.ForMaps(record.Fields.Count, settings.Pixels, pooling, definitions.Count, baseChannels, dropoutProbability: 0.2);
        var options = new TrainingOptions
        {
            BatchSize = 32,
            LearningRate = learningRate,
            WeightDecay = 1e-5,
            MaxEpochs = epochs,
            Patience = 5,
            Seed = seed,
            InputScale = 1.0,
            IntraOpThreads = threads,
            CalibrateSigmas = true,
            ProgressEverySteps = 100,
        };
        var device = TorchDevices.Select("auto", log.WriteLine);
        TrainingResult result = await ProgressConsole.Run("train", epochs, log,
            sink => MomentTrainer.Train(data.Samples, spec, options, device, new TrainingProgressLog(sink, epochs, $"({definitions[0].Name}, {definitions[0].Unit})")));
        using var model = result.Model;
        var layout = new MapModelLayout([.. record.Fields.Select(f => MapData.FieldKinds[f])], settings.Pixels, settings.PixelSizeKpc, record.Limits, record.Family);
        var card = ModelCard.FromTraining(ModelName(record), $"1.0-{record.Family}-{record.Limits}",
            $"{record.Haloes} haloes from the map generator (StreamProcessor.Maps, {record.Family} feedback model, seed {record.GeneratorSeed}), " +
            $"log10 M200c flat in {record.Log10MassMin:F1}-{record.Log10MassMax:F1}, 3 projections each, {settings.Pixels}x{settings.Pixels} at {settings.PixelSizeKpc} kpc, " +
            $"{record.FieldLabel} under the {record.Limits} survey profile; split 70/15/15 by halo", data.Samples.ParameterNames, result, options) with
        {
            Parameters = definitions,
            FeatureDomain = Domain(data.Samples, layout, result.Split.Train),
        };
        ModelBundle.Save(outputFolder, model, card);
        layout.Write(outputFolder);
        record.Save(outputFolder);
        log.WriteLine($"maps train: best epoch {result.BestEpoch}, validation loss {result.BestValidationLoss:F3}, test loss {result.TestLoss:F3}; wrote {outputFolder}");
        return 0;
    }

    /// <summary>"cgm-multifield-cnn", "cgm-xray-cnn", "cgm-hi-cnn" or "cluster-mass-xray-cnn".</summary>
    internal static string ModelName(MapTrainingRecord record) =>
        record.MassOnly ? $"cluster-mass-{string.Join("-", record.Fields)}-cnn"
        : record.Fields.Count > 1 ? "cgm-multifield-cnn" : $"cgm-{record.Fields[0]}-cnn";

    private static void Check(MapTrainingRecord record)
    {
        if (!MapData.Families.ContainsKey(record.Family)) throw new ArgumentException($"Unknown --family '{record.Family}'; known: {string.Join(", ", MapData.Families.Keys)}.");
        if (!MapData.LimitProfiles.ContainsKey(record.Limits)) throw new ArgumentException($"Unknown --limits '{record.Limits}'; known: {string.Join(", ", MapData.LimitProfiles.Keys)}.");
        if (record.Fields.Count == 0 || record.Fields.Any(f => !MapData.FieldKinds.ContainsKey(f)) || record.Fields.Distinct().Count() != record.Fields.Count)
        {
            throw new ArgumentException($"--fields must list distinct fields of: {string.Join(", ", MapData.FieldKinds.Keys)}.");
        }
    }

    /// <summary>Training range of every channel's map summaries (<see cref="MapSummary"/>); none may fall outside.</summary>
    private static FeatureDomain Domain(SampleDataset data, MapModelLayout layout, int[] rows)
    {
        var summaries = rows.Select(r => MapSummary.Of(data.Input(r), layout.Channels.Count, layout.Side)).ToList();
        var names = MapSummary.Names(layout.Channels.Select(c => MapModelLayout.Label([c])));
        return new FeatureDomain(names, [.. Enumerable.Range(0, names.Count).Select(f => ValueRange.Of(summaries.Select(s => s[f])))], MaxFeaturesOutside: 0);
    }
}
