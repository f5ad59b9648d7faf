using System.CommandLine;
using System.Diagnostics;
using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer;

/// <summary>
/// <c>trainer baselines</c>: fits the distribution-regression baseline (<see cref="DistributionRegression"/>) for an
/// existing bundle without touching its CNN, and writes <c>distribution-regression.json</c> into it. It recomputes the
/// bundle's halo split from <c>training-split.json</c> and refuses a dataset whose test haloes differ; it fits on the
/// training haloes, chooses the bandwidth and λ on the validation haloes, refits on both, and never reads a test halo.
/// <c>trainer train</c> calls <see cref="Fit"/> the same way, so new bundles carry the baseline from the start.
/// </summary>
internal static class BaselinesCommand
{
    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle folder written by `trainer train` (its CNN is not changed).", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on (format 2: with the kept members).", Required = true };
        var features = new Option<int>("--features") { Description = "Random Fourier features of the kernel mean embedding.", DefaultValueFactory = _ => new DistributionRegressionOptions().FeatureCount };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random Fourier features.", DefaultValueFactory = _ => new DistributionRegressionOptions().Seed };
        var threads = new Option<int>("--threads") { Description = "Worker threads (-1: all cores); the fit does not depend on it.", DefaultValueFactory = _ => -1 };
        var command = new Command("baselines", "Fit the distribution-regression baseline on a bundle's training haloes and write distribution-regression.json into the bundle.")
        {
            model, data, features, seed, threads,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            new BaselinesRequest(parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(features), parse.GetValue(seed), parse.GetValue(threads)),
            System.Console.Out)));
        return command;
    }

    internal static int Run(BaselinesRequest request, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        ModelCard before = ModelBundle.ReadCard(request.ModelDirectory); // checks the weights against the card
        TrainingSplitRecord record = TrainingSplitRecord.Load(request.ModelDirectory);
        IReadOnlyList<DatasetSample> contaminated = DatasetFile.Read(Path.Combine(request.DataDirectory, DatasetFile.SamplesFileName), s => s.Contaminated, withImages: false).Samples;
        if (contaminated.Count > 0 && contaminated.All(s => s.MemberRProjMpcOverH.Length == 0))
        {
            throw new InvalidDataException($"{request.DataDirectory} stores no members (dataset format 1); regenerate it with `trainer simulate`.");
        }

        // The trainer's split, recomputed on the same group ids (all contaminated views) and checked against the record.
        DatasetSplit split = GroupSplit.Split([.. contaminated.Select(s => (long)s.HaloId)], record.TrainFraction, record.ValidationFraction, record.Seed);
        if (!split.Test.Select(i => contaminated[i].HaloId).ToHashSet().SetEquals(record.TestHaloIds))
        {
            throw new InvalidOperationException($"The test haloes of {request.DataDirectory} differ from those recorded at training: wrong dataset for this model.");
        }

        var options = new DistributionRegressionOptions { FeatureCount = request.FeatureCount, Seed = request.Seed, Threads = request.Threads };
        DistributionRegression fitted = Fit([.. split.Train.Select(i => contaminated[i])], [.. split.Validation.Select(i => contaminated[i])], options);
        fitted.SaveTo(request.ModelDirectory);

        ModelCard after = ModelBundle.ReadCard(request.ModelDirectory);
        if (after.WeightsSha256 != before.WeightsSha256) throw new InvalidOperationException("The CNN weights changed while fitting a baseline.");
        log.WriteLine(Summary(fitted));
        log.WriteLine($"baselines: wrote {Path.Combine(request.ModelDirectory, DistributionRegression.FileName)} in {clock.Elapsed.TotalSeconds:F1} s; " +
                      $"CNN weights unchanged (sha256 {after.WeightsSha256[..12]}...)");
        return 0;
    }

    /// <summary>
    /// Fits on the contaminated views of the fitting haloes and scores bandwidth and λ on those of the held-out haloes;
    /// sign-flipped copies are left out (the embedding uses |v_los|, so they would only repeat a view).
    /// </summary>
    internal static DistributionRegression Fit(IEnumerable<DatasetSample> fitting, IEnumerable<DatasetSample> heldOut, DistributionRegressionOptions? options = null) =>
        DistributionRegressionFitter.Fit([.. Members(fitting)], [.. Members(heldOut)], options);

    /// <summary>One line for the log: what was chosen and how well it did on the held-out haloes.</summary>
    internal static string Summary(DistributionRegression fitted) =>
        $"baselines: distribution regression on {fitted.TrainingCount} views ({fitted.FeatureCount} random Fourier features, seed {fitted.Seed}): " +
        $"bandwidth {fitted.Embedding.Bandwidth:0.###}, lambda {fitted.RidgeLambda:0e0}, validation RMS {fitted.ValidationRmsDex:F3} dex on {fitted.ValidationCount} views";

    private static IEnumerable<MemberSample> Members(IEnumerable<DatasetSample> samples) => samples
        .Where(s => s.Contaminated && !s.VelocitySignFlipped)
        .Select(s => new MemberSample(s.MemberRProjMpcOverH, s.MemberVLosKmPerS, s.Redshift, s.Log10M200c));
}
