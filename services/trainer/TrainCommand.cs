using System.CommandLine;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Data;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer;

/// <summary>
/// <c>trainer train</c>: the 2D (or, with <c>--architecture 3d</c>, the 3D) mass CNN on the contaminated views, split by halo (70/15/15, fixed seed), early
/// stopping, then the bundle: weights + card.json (normalisation, training domain from the TRAINING split) +
/// <c>fitted-m-sigma.json</c> (the fitted M–σ baseline, also fitted on the training split only, for the
/// mass-inference service) + <c>distribution-regression.json</c> (<see cref="BaselinesCommand"/>) + <c>training-split.json</c>.
/// </summary>
internal static class TrainCommand
{
    public const string FittedMSigmaFileName = "fitted-m-sigma.json";
    public const double TrainFraction = 0.7;
    public const double ValidationFraction = 0.15;

    internal static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Dataset folder written by `trainer simulate`.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model bundle folder to write.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs (early stopping may end sooner).", DefaultValueFactory = _ => 30 };
        var batch = new Option<int>("--batch") { Description = "Minibatch size.", DefaultValueFactory = _ => 64 };
        var seed = new Option<int>("--seed") { Description = "Seeds the weights, the shuffle and the halo split.", DefaultValueFactory = _ => 20200305 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        var patience = new Option<int>("--patience") { Description = "Epochs without validation improvement before stopping.", DefaultValueFactory = _ => 5 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Initial Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
        var maxSteps = new Option<int?>("--max-steps-per-epoch") { Description = "Cap on optimiser steps per epoch (quick runs)." };
        var baseChannels = new Option<int>("--base-channels") { Description = "Channels of the first convolution block (block k has base x 2^k).", DefaultValueFactory = _ => 4 };
        var threads = new Option<int?>("--threads")
        {
            Description = "libtorch intra-op threads (default: all cores). Weights reproduce only with the same count, device and CPU kernels; the card records them.",
        };
        var architecture = new Option<string>("--architecture")
        {
            Description = "2d: the 48x48 (v_los, R_proj) image (Ho+2019); 3d: the 50^3 (x, y, v_los) cube (Kodi Ramanah+2020; needs a dataset simulated with --kde-3d).",
            DefaultValueFactory = _ => "2d",
        };
        architecture.AcceptOnlyFromAmong("2d", "3d");
        var command = new Command("train", "Train the 2D or 3D phase-space mass CNN and write its model bundle.")
        {
            data, output, epochs, batch, seed, device, patience, learningRate, maxSteps, baseChannels, threads, architecture,
        };
        command.SetAction((parse, _) => RunAsync(
            new TrainRequest(parse.GetValue(data)!.FullName, parse.GetValue(output)!.FullName, parse.GetValue(epochs), parse.GetValue(batch),
                parse.GetValue(seed), parse.GetValue(device)!, parse.GetValue(patience), parse.GetValue(learningRate), parse.GetValue(maxSteps), parse.GetValue(baseChannels),
                parse.GetValue(threads), InputArchitectures.Parse(parse.GetValue(architecture)!)),
            System.Console.Out));
        return command;
    }

    internal static async Task<int> RunAsync(TrainRequest request, TextWriter log)
    {
        DatasetManifest manifest = DatasetManifest.Load(request.DataDirectory);
        TrainingData data = TrainingData.Load(request.DataDirectory, request.Architecture);
        log.WriteLine($"train: {request.Architecture.ModelName()} on {data.Dataset.Count} contaminated views of {data.Dataset.GroupIds.Distinct().Count()} haloes from {request.DataDirectory}");
        var device = TorchDevices.Select(request.Device, log.WriteLine);
        var options = new TrainingOptions
        {
            MaxEpochs = request.Epochs,
            BatchSize = request.BatchSize,
            Seed = request.Seed,
            Patience = request.Patience,
            LearningRate = request.LearningRate,
            TrainFraction = TrainFraction,
            ValidationFraction = ValidationFraction,
            // ln of the mean-1 image (or cube): KDE densities span decades, and the empty outskirts still carry information.
            LogInput = true,
            LogOffset = 1e-3,
            MaxStepsPerEpoch = request.MaxStepsPerEpoch,
            IntraOpThreads = request.Threads,
        };
        TrainingResult result = await ProgressConsole.Run("train", request.Epochs, log,
            sink => MomentTrainer.Train(data.Dataset, request.Architecture.Spec(request.BaseChannels), options, device, new TrainingProgressLog(sink, request.Epochs)));
        using var model = result.Model;

        DatasetSample[] training = [.. result.Split.Train.Select(i => data.Samples[i])];
        FittedMSigmaRelation fitted = FittedMSigmaRelation.Fit(
            training.Select(s => s.Log10M200c).ToArray(), training.Select(s => s.SigmaLosKmPerS).ToArray());
        var card = ModelCard.FromTraining(
            request.Architecture.ModelName(),
            ModelVersion(request.Architecture.ModelName(), request.Seed, manifest),
            $"trainer simulate: {manifest.HaloCount} haloes (seed {manifest.Seed}), {SimulatedRanges(manifest)}, " +
            $"{manifest.LinesOfSight} axis lines of sight{(manifest.SignFlips ? " + v_los sign flips" : string.Empty)}, contaminated catalogues " +
            $"(members + background + neighbouring haloes), {request.Architecture.InputDescription()}; split by halo {TrainFraction}/{ValidationFraction}/{1 - TrainFraction - ValidationFraction:0.##}.",
            [TrainingData.TargetName],
            result,
            options) with
        {
            TrainingDomain = Domain(data, result.Split.Train),
        };
        ModelCard written = ModelBundle.Save(request.OutputDirectory, model, card);
        File.WriteAllText(Path.Combine(request.OutputDirectory, FittedMSigmaFileName), fitted.ToJson());
        // The distribution-regression baseline: fit on the training haloes, bandwidth and λ chosen on the validation haloes (as
        // `trainer baselines`). A format-1 dataset stores no member lists: the bundle then goes without it, and says so.
        bool hasMembers = training.Any(s => s.MemberRProjMpcOverH.Length > 0);
        DistributionRegression? distribution = hasMembers ? BaselinesCommand.Fit(training, result.Split.Validation.Select(i => data.Samples[i])) : null;
        distribution?.SaveTo(request.OutputDirectory);
        int[] testHaloes = [.. result.Split.Test.Select(i => data.Samples[i].HaloId).Distinct().Order()];
        new TrainingSplitRecord(options.Seed, TrainFraction, ValidationFraction, testHaloes).Save(request.OutputDirectory);

        long weightBytes = new FileInfo(Path.Combine(request.OutputDirectory, written.WeightsFile)).Length;
        log.WriteLine($"train: best epoch {result.BestEpoch} of {result.History.Count} (stopped early: {result.StoppedEarly}), " +
                      $"best validation loss {result.BestValidationLoss:F4}, {result.TrainSamplesPerSecond:F0} samples/s, wall {result.Elapsed:hh\\:mm\\:ss}");
        var machine = result.Machine;
        log.WriteLine($"train: {machine.Device} on {machine.CpuModel} ({machine.CpuCapability} kernels, {machine.IntraOpThreads} threads, " +
                      $"deterministic {(machine.DeterministicAlgorithms ? "on" : "off")}); {result.ClippedSteps} steps clipped, {result.SkippedSteps} batches skipped");
        log.WriteLine($"train: fitted M-sigma on {fitted.TrainingCount} training views: alpha {fitted.Alpha:F4}, beta {fitted.Beta:F4}, scatter {fitted.ResidualScatterDex:F3} dex");
        log.WriteLine(distribution is null
            ? "train: no distribution-regression baseline: the dataset stores no member lists (samples.bin format 1; simulate again to get them)"
            : BaselinesCommand.Summary(distribution));
        log.WriteLine($"train: wrote {request.OutputDirectory} (weights {weightBytes / 1024.0:F0} KiB, sha256 {written.WeightsSha256[..12]}...)");
        return 0;
    }

    /// <summary>
    /// The simulated mass and redshift ranges and the survey selection, read from the dataset's manifest (the simulator
    /// options it was made with), e.g. "log10 M200c flat in 13.5-15.3, z uniform in 0.03-1.1, m &lt; 22.5 with 15-60 spectra per cluster at z >= 0.25".
    /// </summary>
    internal static string SimulatedRanges(DatasetManifest manifest)
    {
        var options = manifest.SimulatorOptions;
        string Number(string name) => options[name] is { } node ? node.GetValue<double>().ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) : "?";
        string selection = string.Empty;
        if (options["Selection"] is { } chosen)
        {
            string limit = chosen["ApplyFluxLimit"]?.GetValue<bool>() == true
                ? $"m < {chosen["ApparentMagnitudeLimit"]!.GetValue<double>().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}"
                : "no flux limit";
            string cap = chosen["SpectraPerClusterMin"] is { } low && chosen["SpectraPerClusterMax"] is { } high
                ? $" with {low.GetValue<int>()}-{high.GetValue<int>()} spectra per cluster" +
                  (chosen["SpectraCapMinimumRedshift"]?.GetValue<double>() is > 0 and var from ? $" at z >= {from.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)}" : string.Empty)
                : string.Empty;
            selection = $", {limit}{cap}";
        }
        return $"log10 M200c flat in {Number("Log10M200cMin")}-{Number("Log10M200cMax")}, z uniform in {Number("RedshiftMin")}-{Number("RedshiftMax")}{selection}";
    }

    /// <summary>
    /// The version stamped on every posterior: seeds and the simulated redshift range, so that models trained on
    /// different simulator configurations never share a version (the card hash tells retrainings apart).
    /// </summary>
    internal static string ModelVersion(string modelName, int seed, DatasetManifest manifest)
    {
        var options = manifest.SimulatorOptions;
        string Z(string name) => options[name] is { } node ? node.GetValue<double>().ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) : "?";
        return $"{modelName}-seed{seed}-data{manifest.Seed}-z{Z("RedshiftMin")}-{Z("RedshiftMax")}";
    }

    /// <summary>
    /// Ranges of the training split, for the out-of-distribution flags of the inference service. The image statistics
    /// are those of the network's own input (image or cube), since the service computes them on what it feeds the model.
    /// </summary>
    private static TrainingDomain Domain(TrainingData data, IReadOnlyList<int> trainRows)
    {
        DatasetSample[] training = [.. trainRows.Select(i => data.Samples[i])];
        var statistics = trainRows.Select(i => ImageStatistics.Of(data.Dataset.Input(i))).ToArray();
        return new TrainingDomain(
            ValueRange.Of(training.Select(s => (double)s.Richness)),
            ValueRange.Of(training.Select(s => s.SigmaLosKmPerS)),
            ValueRange.Of(training.Select(s => s.Redshift)),
            new Dictionary<string, ValueRange> { [TrainingData.TargetName] = ValueRange.Of(training.Select(s => s.Log10M200c)) },
            ValueRange.Of(statistics.Select(s => s.Total)),
            ValueRange.Of(statistics.Select(s => s.PeakOverMean)));
    }
}
