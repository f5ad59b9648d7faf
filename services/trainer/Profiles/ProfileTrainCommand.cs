using System.CommandLine;
using StreamProcessor.Emulation;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Emulation.Training;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;
using StreamProcessor.Torch.Training.Search;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// <c>trainer profiles train</c>: emulated stacks at Sobol points (70/15/15), a TPE search over the MLP's layers,
/// width, dropout, learning rate and weight decay (each trial a short training, scored by its validation moment
/// loss), then the chosen configuration trained in full and written as a model bundle with profile-layout.json and
/// profile-training.json. <c>profiles evaluate</c> fills the card's metrics.
/// </summary>
internal static class ProfileTrainCommand
{
    public const string ModelName = "camels-profile-params-mlp";

    internal static Command Create()
    {
        var emulator = new Option<DirectoryInfo>("--emulator") { Description = "Emulator folder written by `profiles emulate`.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model bundle folder to write.", Required = true };
        var stacks = new Option<int>("--stacks") { Description = "Emulated stacks (Sobol points).", DefaultValueFactory = _ => 30_000 };
        var kinds = new Option<string>("--kinds") { Description = "Profile kinds, comma-separated: n_gas,T_gas,Z_gas,xsb,y.", DefaultValueFactory = _ => "n_gas,T_gas,Z_gas,xsb,y" };
        var maxRadius = new Option<double>("--max-radius") { Description = "Outermost radius used, h^-1 Mpc (e.g. 0.1 for the inner ~10 % of R_vir).", DefaultValueFactory = _ => 10.0 };
        var noise = new Option<double>("--noise") { Description = "Fractional Gaussian noise on every training profile value (0.1-0.4 for the robustness study).", DefaultValueFactory = _ => 0.0 };
        var noMass = new Option<bool>("--no-mass") { Description = "Do not give log10 halo mass as an input." };
        var trials = new Option<int>("--trials") { Description = "Hyper-parameter search budget (0: the defaults, no search).", DefaultValueFactory = _ => 12 };
        var configFrom = new Option<DirectoryInfo?>("--config-from") { Description = "Skip the search: train with the best configuration of this bundle's search (variants of a shipped model)." };
        var searchStacks = new Option<int>("--search-stacks") { Description = "Stacks each search trial trains on (the first N; the final training uses all).", DefaultValueFactory = _ => 30_000 };
        var searchEpochs = new Option<int>("--search-epochs") { Description = "Epochs of each search trial.", DefaultValueFactory = _ => 12 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs of the final training.", DefaultValueFactory = _ => 80 };
        var seed = new Option<int>("--seed") { Description = "Seeds the weights, split, shuffle, noise and search.", DefaultValueFactory = _ => 2025 };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads (the card records them)." };
        var noWhiten = new Option<bool>("--no-whiten") { Description = "Feed the standardised profiles as they are, without the PCA-whitening first layer." };
        var freshNoise = new Option<bool>("--fresh-noise") { Description = "With --noise: draw the training stacks' errors afresh for every batch instead of once (validation and test keep one fixed draw)." };
        var halos = new Option<int>("--halos-per-stack")
        {
            Description = "0: train on the emulated mean profiles; N: on one draw each of a stack of N halos, with the emulator's halo-to-halo scatter (1: single halos).",
            DefaultValueFactory = _ => 0,
        };
        var emulatorError = new Option<bool>("--emulator-error")
        {
            Description = "With --halos-per-stack: the draws also carry the emulator's predictive uncertainty (GP variance of the mean), which no stack averages away.",
        };
        var calibratedError = new Option<bool>("--calibrated-emulator-error")
        {
            Description = "As --emulator-error, with the emulator's cross-validated calibration (`profiles calibrate-emulator`): variance inflation and heavy-tailed halo scatter.",
        };
        var maxHalos = new Option<int>("--max-halos-per-stack")
        {
            Description = "With --halos-per-stack N: draw each stack's size log-uniform in N..M and give log10 of it as an input, so one model serves single halos and large stacks (the service reads stacked_objects).",
            DefaultValueFactory = _ => 0,
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override one entry of the chosen configuration, NAME=VALUE (layers, width, dropout, learning_rate, weight_decay, batch_size); repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("train", "Train the 28-parameter moment MLP on emulated stacks.")
        {
            emulator, output, stacks, kinds, maxRadius, noise, noMass, trials, configFrom, searchStacks, searchEpochs, epochs, seed, threads, noWhiten, freshNoise, halos, emulatorError, calibratedError, maxHalos, set,
        };
        command.SetAction((parse, _) => RunAsync(
            parse.GetValue(emulator)!.FullName, parse.GetValue(output)!.FullName,
            new ProfileTrainingRecord(parse.GetValue(emulator)!.ToString(), parse.GetValue(stacks), parse.GetValue(noise), parse.GetValue(seed) + 1,
                [.. parse.GetValue(kinds)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)], parse.GetValue(maxRadius), !parse.GetValue(noMass), [])
            {
                FreshNoise = parse.GetValue(freshNoise),
                HalosPerStack = parse.GetValue(halos),
                EmulatorError = parse.GetValue(emulatorError) || parse.GetValue(calibratedError),
                CalibratedEmulatorError = parse.GetValue(calibratedError),
                MaxHalosPerStack = parse.GetValue(maxHalos),
            },
            new SearchSettings(parse.GetValue(trials), parse.GetValue(searchStacks), parse.GetValue(searchEpochs), parse.GetValue(configFrom)?.FullName), parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(threads), Console.Out,
            whiten: !parse.GetValue(noWhiten), overrides: ConfigurationOverrides.Parse(parse.GetValue(set) ?? [])));
        return command;
    }

    internal static async Task<int> RunAsync(
        string emulatorFolder, string outputFolder, ProfileTrainingRecord record, SearchSettings searchSettings, int epochs, int seed, int? threads, TextWriter log, bool whiten = true,
        IReadOnlyDictionary<string, double>? overrides = null)
    {
        if (record.CalibratedEmulatorError && !record.EmulatorError)
        {
            throw new ArgumentException("A calibrated emulator error is the emulator's error, scaled: set EmulatorError too.", nameof(record));
        }

        var emulator = record.LoadEmulator(emulatorFolder);
        var (layout, bins) = ProfileData.Layout(record, emulator.Model.RadiiKpc);
        record = record with { Bins = bins };
        log.WriteLine($"profiles train: {record.Stacks} emulated stacks, {layout.FeatureCount} inputs ({string.Join(",", record.Kinds)} at {bins.Length} radii" +
            $"{(layout.IncludeLog10HaloMass ? " + log10 M" : string.Empty)}{(layout.IncludeLog10StackedObjects ? " + log10 stack size" : string.Empty)}), noise {record.NoiseFraction:P0}{(whiten ? ", PCA-whitened first layer" : string.Empty)}" +
            (record.HalosPerStack > 0 ? $", {record.StackSizes()} halos per stack (emulated halo-to-halo scatter{(record.EmulatorError ? $" and {(record.CalibratedEmulatorError ? "calibrated " : string.Empty)}emulator error" : string.Empty)})" : string.Empty));
        if (record.FreshNoise && !(record.NoiseFraction > 0))
        {
            throw new ArgumentException("--fresh-noise needs --noise above 0.", nameof(record));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(record.HalosPerStack, nameof(record));
        if (record.EmulatorError && record.HalosPerStack == 0)
        {
            throw new ArgumentException("--emulator-error needs --halos-per-stack 1 or more.", nameof(record));
        }

        if (record.MaxHalosPerStack != 0 && record.MaxHalosPerStack <= record.HalosPerStack)
        {
            throw new ArgumentException("--max-halos-per-stack needs --halos-per-stack 1 or more, and must exceed it.", nameof(record));
        }

        var stacks = ProfileData.Stacks(emulator, record, new Progress<int>(n => log.WriteLine($"  emulated {n} stacks")));

        var data = ProfileData.Emulated(stacks, emulator, record);
        // Fresh noise rewrites the training rows from their noise-free features; validation and test keep the fixed draw
        // of `data`, which is also what `profiles evaluate` rebuilds.
        IInputAugmentation? augmentation = record.FreshNoise
            ? new FreshProfileNoise(ProfileData.Emulated(stacks, emulator, record, noiseFraction: 0).Inputs.ToArray(), layout, record.NoiseFraction)
            : null;
        var definitions = ProfileParameters.Definitions(emulator.Model.Parameters);
        var device = TorchDevices.Select("auto", log.WriteLine);
        var baseOptions = new TrainingOptions
        {
            BatchSize = ConfigurationOverrides.DefaultBatchSize,
            Seed = seed,
            StandardiseInputs = true,
            WhitenInputs = whiten,
            IntraOpThreads = threads,
            Patience = 4,
            ProgressEverySteps = 1000,
            Augmentation = augmentation,
        };

        var search = searchSettings.ConfigFrom is { } previous
            ? ModelBundle.ReadCard(previous).HyperparameterSearch ?? throw new InvalidDataException($"{previous} records no hyper-parameter search.")
            : searchSettings.Trials > 0
            ? Search(searchSettings.Stacks < stacks.Count ? ProfileData.Emulated(stacks.First(searchSettings.Stacks), emulator, record) : data,
                layout, baseOptions, device, searchSettings, seed, log)
            : null;
        var best = ConfigurationOverrides.Apply(search is null ? Defaults : search.Trials[search.BestTrial].Parameters, overrides ?? new Dictionary<string, double>());
        record = record with { Configuration = best, Overrides = overrides is { Count: > 0 } ? overrides : null };
        var options = Options(baseOptions, best) with { MaxEpochs = epochs, Patience = 8, CalibrateSigmas = true };
        log.WriteLine($"profiles train: final training with {Describe(best)}");
        TrainingResult result = await ProgressConsole.Run("train", epochs, log,
            sink => MomentTrainer.Train(data, Spec(layout, definitions.Count, best), options, device,
                new TrainingProgressLog(sink, epochs, $"({definitions[0].Name}, {definitions[0].Unit})")));
        using var model = result.Model;
        var card = ModelCard.FromTraining(ModelName, $"1.0-{string.Join("-", record.Kinds)}-r{record.MaxRadiusMpcOverH:G3}-noise{record.NoiseFraction:G2}" +
            (record.HalosPerStack > 0 ? $"-halos{record.StackSizes()}" : string.Empty) + record.EmulatorErrorSuffix(),
            $"{record.Stacks} stacks emulated at Sobol points by {record.EmulatorFolder} (CAMELS-zoomGZ28, CARPool GP)" +
            (record.HalosPerStack > 0 ? $", each one draw of {record.StackSizes()} halo(s){(record.StackSizeIsInput() ? " (size log-uniform, an input)" : string.Empty)} with the emulator's halo-to-halo scatter" : string.Empty) +
            (record.EmulatorError ? $" and its predictive uncertainty{(record.CalibratedEmulatorError ? " (calibrated by cross-validation: variance inflation and heavy-tailed halo scatter)" : string.Empty)}" : string.Empty) +
            (augmentation is null ? string.Empty : $"; {augmentation.Description}"), data.ParameterNames, result, options) with
        {
            Parameters = definitions,
            FeatureDomain = Domain(data, layout, result.Split.Train),
            HyperparameterSearch = search,
        };
        ModelBundle.Save(outputFolder, model, card);
        File.WriteAllText(Path.Combine(outputFolder, ProfileLayout.FileName), System.Text.Json.JsonSerializer.Serialize(layout, ModelBundle.JsonOptions));
        record.Save(outputFolder);
        log.WriteLine($"profiles train: best epoch {result.BestEpoch}, validation loss {result.BestValidationLoss:F3}, test loss {result.TestLoss:F3}; wrote {outputFolder}");
        return 0;
    }

    /// <summary>Configuration used without a search: three blocks of 256, the reference sheet's MLP shape.</summary>
    private static readonly IReadOnlyDictionary<string, double> Defaults = new Dictionary<string, double>
    {
        ["layers"] = 3, ["width"] = 256, ["dropout"] = 0.1, ["learning_rate"] = 1e-3, ["weight_decay"] = 1e-5,
    };

    private static HyperparameterSearchReport Search(
        SampleDataset data, ProfileLayout layout, TrainingOptions baseOptions, TorchSharp.torch.Device device, SearchSettings settings, int seed, TextWriter log)
    {
        var space = new SearchSpace(
            SearchDimension.Integer("layers", 2, 5),
            SearchDimension.Integer("width", 64, 512, log: true),
            SearchDimension.Uniform("dropout", 0.0, 0.3),
            SearchDimension.LogUniform("learning_rate", 1e-4, 3e-3),
            SearchDimension.LogUniform("weight_decay", 1e-7, 1e-3));
        return HyperparameterSearch.Run(space, settings.Trials, seed, configuration =>
        {
            var result = MomentTrainer.Train(data, Spec(layout, data.ParameterCount, configuration), Options(baseOptions, configuration) with { MaxEpochs = settings.Epochs }, device);
            result.Model.Dispose();
            return result.BestValidationLoss;
        },
        new Progress<HyperparameterSearchProgress>(p => log.WriteLine(
            $"  search trial {p.Trial + 1}/{p.Budget}: {Describe(p.Result.Parameters)} -> validation loss {p.Result.Objective:F3} ({p.Result.Seconds:F0} s), best trial {p.BestTrial}")),
        objectiveName: $"validation moment loss after {settings.Epochs} epochs on {data.Count} stacks");
    }

    private static NetworkSpec Spec(ProfileLayout layout, int parameters, IReadOnlyDictionary<string, double> c) =>
        NetworkSpec.Mlp(layout.FeatureCount, parameters, [.. Enumerable.Repeat((int)c["width"], (int)c["layers"])], c["dropout"]);

    private static TrainingOptions Options(TrainingOptions baseOptions, IReadOnlyDictionary<string, double> c) =>
        baseOptions with
        {
            LearningRate = c["learning_rate"],
            WeightDecay = c["weight_decay"],
            BatchSize = c.TryGetValue(ConfigurationOverrides.BatchSizeKey, out double batch) ? (int)batch : baseOptions.BatchSize,
        };

    private static string Describe(IReadOnlyDictionary<string, double> c) =>
        $"{c["layers"]:F0} x {c["width"]:F0}, dropout {c["dropout"]:F2}, lr {c["learning_rate"]:G2}, weight decay {c["weight_decay"]:G2}" +
        (c.TryGetValue(ConfigurationOverrides.BatchSizeKey, out double batch) ? $", batch {batch:F0}" : string.Empty);

    /// <summary>Training range of every input; up to a tenth of the features may fall outside before a record is flagged.</summary>
    private static FeatureDomain Domain(SampleDataset data, ProfileLayout layout, int[] rows) => new(
        layout.FeatureNames(),
        [.. Enumerable.Range(0, layout.FeatureCount).Select(f => ValueRange.Of(rows.Select(r => (double)data.Input(r)[f])))],
        layout.FeatureCount / 10);
}

/// <summary>
/// Budget of the hyper-parameter search: trials, the stacks each trains on, epochs per trial; or a bundle whose
/// recorded search is reused instead (its report goes into the new card too).
/// </summary>
internal sealed record SearchSettings(int Trials, int Stacks, int Epochs, string? ConfigFrom = null);
