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

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
