using System.Text.Json.Nodes;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Trainer.Data;
using StreamProcessor.Trainer.Reporting;

namespace StreamProcessor.Trainer.Tests;

/// <summary>
/// A tiny end-to-end run (simulate a few haloes → train a few steps → evaluate): the plumbing, not the science. It
/// asserts what holds on any CPU (finite losses, no skipped batch, a valid bundle that names its machine), never the
/// values of one trajectory: those change with libtorch's kernels and thread count.
/// </summary>
public sealed class TrainerPipelineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"trainer-tests-{Guid.NewGuid():N}");

    [Fact]
    public async Task Simulate_train_and_evaluate_produce_a_valid_bundle_with_metrics_and_plots()
    {
        string data = Path.Combine(_root, "data");
        string model = Path.Combine(_root, "model");
        var log = new StringWriter();

        Assert.Equal(0, await SimulateCommand.RunAsync(new SimulateRequest(120, 7, data, 3, SignFlips: false, Kde3D: false, Threads: -1), log));
        Assert.Equal(0, await TrainCommand.RunAsync(
            new TrainRequest(data, model, Epochs: 2, BatchSize: 16, Seed: 3, Device: "cpu", Patience: 2, LearningRate: 1e-3, MaxStepsPerEpoch: 2, BaseChannels: 2, Threads: 1), log));
        Assert.Equal(0, await EvaluateCommand.RunAsync(new EvaluateRequest(model, data, "cpu"), log));

        ModelCard card = ModelBundle.ReadCard(model); // throws when the weights hash no longer matches
        Assert.NotNull(card.Metrics);
        Assert.NotNull(card.Calibration);
        Assert.NotNull(card.TrainingDomain);
        TrainingSummary training = card.Training!;
        Assert.True(double.IsFinite(training.BestValidationLoss), $"best validation loss {training.BestValidationLoss}");
        Assert.True(training.TestLoss is null || double.IsFinite(training.TestLoss.Value), $"test loss {training.TestLoss}");
        Assert.Equal(0, training.SkippedSteps);
        Assert.Equal(1, card.TrainingMachine!.IntraOpThreads);
        Assert.Equal("cpu", card.TrainingMachine.Device);
        Assert.True(card.Metrics!.PerParameter[TrainingData.TargetName].Count > 0);
        Assert.Contains("## Evaluation", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));
        Assert.True(File.Exists(Path.Combine(model, TrainCommand.FittedMSigmaFileName)));
        foreach (string png in new[] { "truth_vs_prediction_contaminated.png", "residual_vs_richness_contaminated.png", "coverage.png" })
        {
            Assert.True(new FileInfo(Path.Combine(model, "plots", png)).Length > 1000, png);
        }
        Assert.Contains("[train]", log.ToString());
        Assert.Contains("0 batches skipped", log.ToString());
        Assert.Contains("Trained on cpu", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));
        Assert.Contains("evaluate: target", log.ToString());

        // The default simulator covers 0.03 < z < 1.1; the card says so, and evaluate reports per redshift bin.
        Assert.Contains("z uniform in 0.03-1.1", card.TrainingData);
        Assert.Contains("m < 22.5 with 15-60 spectra per cluster at z >= 0.25", card.TrainingData);
        Assert.InRange(card.TrainingDomain!.Redshift.Min, 0.03, 1.1);
        Assert.Contains("evaluate: z ", log.ToString());
        Assert.Contains("### Per redshift bin", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));
        Assert.Contains("\"redshift_bins\"", File.ReadAllText(Path.Combine(model, "evaluation.json")));

        // The distribution-regression baseline: written by train, evaluated beside M-sigma and virial, and refitted by
        // `trainer baselines` on the same bundle without touching the CNN.
        Assert.Contains("contaminated_14.0_15.0_distribution_regression_scatter_dex", card.Metrics.Baselines!.Keys);
        Assert.Contains("### Distribution-regression baseline", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));
        Assert.Contains("distribution regression", log.ToString());
        string distributionFile = Path.Combine(model, StreamProcessor.Dynamics.Baselines.DistributionRegression.FileName);
        File.Delete(distributionFile);
        byte[] weights = File.ReadAllBytes(Path.Combine(model, card.WeightsFile));
        Assert.Equal(0, BaselinesCommand.Run(new BaselinesRequest(model, data, FeatureCount: 32, Seed: 5, Threads: -1), log));
        Assert.Equal(32, StreamProcessor.Dynamics.Baselines.DistributionRegression.FromJson(File.ReadAllText(distributionFile)).FeatureCount);
        Assert.Equal(weights, File.ReadAllBytes(Path.Combine(model, card.WeightsFile)));
        Assert.Equal(card.WeightsSha256, ModelBundle.ReadCard(model).WeightsSha256);

        // The full-posterior head: trained on the bundle's own training split, calibrated against the moment network on
        // its test split, both recorded in the card beside an unchanged CNN.
        Assert.Equal(0, Posterior.PosteriorTrainCommand.Run(model, data, components: 3, epochs: 3, patience: 3, seed: 4, "cpu", threads: 1, log));
        Assert.Equal(0, Posterior.PosteriorEvaluateCommand.Run(model, data, "cpu", log));
        ModelCard withHead = ModelBundle.ReadCard(model);
        Assert.Equal(weights, File.ReadAllBytes(Path.Combine(model, card.WeightsFile)));
        var calibration = Assert.IsType<PosteriorCalibrationReport>(withHead.PosteriorHead?.Calibration);
        Assert.Equal(new[] { Posterior.PosteriorEvaluateCommand.HeadName, Posterior.PosteriorEvaluateCommand.MomentName }.Order(), calibration.Estimators.Keys.Order());
        Assert.All(calibration.Estimators.Values, e => Assert.Equal(calibration.Samples, e.RankHistogram.Sum()));
        Assert.Contains("Better calibrated:", calibration.Verdict);
        Assert.True(new FileInfo(Path.Combine(model, Posterior.PosteriorEvaluateCommand.RankPlotFile)).Length > 1000);
        Assert.True(new FileInfo(Path.Combine(model, Posterior.PosteriorEvaluateCommand.CoveragePlotFile)).Length > 1000);
        Assert.Contains("## Full posterior", File.ReadAllText(Path.Combine(model, ModelBundle.MarkdownFileName)));
        Assert.Contains("posterior evaluate: Better calibrated", log.ToString());
    }

    [Fact]
    public void Simulate_is_deterministic_from_the_seed()
    {
        var request = new SimulateRequest(40, 11, Path.Combine(_root, "a"), 3, SignFlips: false, Kde3D: false, Threads: -1);
        var sink = new ProgressSink("simulate", request.HaloCount, TextWriter.Null, bar: null);
        SimulateCommand.Simulate(request, sink);
        SimulateCommand.Simulate(request with { OutputDirectory = Path.Combine(_root, "b"), Threads = 1 }, sink);

        byte[] first = File.ReadAllBytes(Path.Combine(_root, "a", DatasetFile.SamplesFileName));
        byte[] second = File.ReadAllBytes(Path.Combine(_root, "b", DatasetFile.SamplesFileName));
        Assert.True(first.Length > 16);
        Assert.Equal(first, second);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(_root, "a", DatasetFile.ManifestFileName)))!;
        Assert.Equal(11UL, manifest["Seed"]!.GetValue<ulong>());
    }

    [Fact]
    public void A_dataset_round_trips_through_the_binary_file()
    {
        Directory.CreateDirectory(_root);
        string path = Path.Combine(_root, "roundtrip.bin");
        var sample = new DatasetSample
        {
            HaloId = 5, LineOfSight = 2, VelocitySignFlipped = true, Contaminated = true, Richness = 42, InterloperCount = 7,
            Log10M200c = 14.25, Redshift = 0.08, SigmaLosKmPerS = 612.5, Log10MVirial = double.NaN, Image = [0.25f, 0.5f, 0.125f, 0.125f],
        };
        using (var writer = new DatasetFile.Writer(path, 2, 2))
        {
            writer.Write(sample);
            writer.Write(sample with { HaloId = 6, Contaminated = false });
        }

        DatasetContents all = DatasetFile.Read(path);
        DatasetContents contaminated = DatasetFile.Read(path, s => s.Contaminated);

        Assert.Equal(2, all.Samples.Count);
        Assert.Single(contaminated.Samples);
        DatasetSample read = contaminated.Samples[0];
        Assert.Equal(sample with { Image = read.Image }, read);
        Assert.Equal(sample.Image, read.Image);
    }

    [Fact]
    public void A_dataset_keeps_the_members_of_each_sample_and_reads_version_1_files_without_them()
    {
        Directory.CreateDirectory(_root);
        string path = Path.Combine(_root, "members.bin");
        var sample = new DatasetSample
        {
            HaloId = 9, LineOfSight = 0, VelocitySignFlipped = false, Contaminated = true, Richness = 3, InterloperCount = 1,
            Log10M200c = 14.5, Redshift = 0.4, SigmaLosKmPerS = 700, Log10MVirial = 14.6, Image = [0.5f, 0.5f, 0f, 0f],
            MemberRProjMpcOverH = [0.1, 0.7, 1.5], MemberVLosKmPerS = [-300, 250, 1200],
        };
        using (var writer = new DatasetFile.Writer(path, 2, 2)) writer.Write(sample);

        DatasetSample read = Assert.Single(DatasetFile.Read(path).Samples);
        Assert.Equal(sample.MemberRProjMpcOverH, read.MemberRProjMpcOverH);
        Assert.Equal(sample.MemberVLosKmPerS, read.MemberVLosKmPerS);
        Assert.Equal(sample.Image, read.Image);
        Assert.Empty(Assert.Single(DatasetFile.Read(path, withImages: false).Samples).Image);

        // The same record as format version 1 wrote it: no member block between the fixed fields and the image.
        byte[] v2 = File.ReadAllBytes(path);
        const int header = 16, fixedBytes = 50, memberBlock = 4 + (2 * 3 * 8);
        byte[] v1 = [.. v2[..header], .. v2[header..(header + fixedBytes)], .. v2[(header + fixedBytes + memberBlock)..]];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(v1.AsSpan(4), 1);
        string oldPath = Path.Combine(_root, "members-v1.bin");
        File.WriteAllBytes(oldPath, v1);

        DatasetSample old = Assert.Single(DatasetFile.Read(oldPath).Samples);
        Assert.Equal((sample.HaloId, sample.Log10M200c, sample.Redshift, sample.Log10MVirial), (old.HaloId, old.Log10M200c, old.Redshift, old.Log10MVirial));
        Assert.Equal(sample.Image, old.Image);
        Assert.Empty(old.MemberRProjMpcOverH);
        Assert.Empty(old.MemberVLosKmPerS);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
