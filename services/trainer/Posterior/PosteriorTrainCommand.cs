using System.CommandLine;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Posterior;

namespace StreamProcessor.Trainer.Posterior;

/// <summary>
/// <c>trainer posterior train</c>: a mixture-density posterior head (<see cref="MixtureDensityTrainer"/>) on a trained
/// mass network's embedding, on the bundle's own training split (validation split for early stopping; the test haloes
/// never seen), written into the bundle beside the unchanged network.
/// </summary>
internal static class PosteriorTrainCommand
{
    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Mass model bundle written by `trainer train`.", Required = true };
        var data = new Option<DirectoryInfo>("--data") { Description = "The dataset the model was trained on.", Required = true };
        var components = new Option<int>("--components") { Description = "Gaussian components of the mixture.", DefaultValueFactory = _ => 8 };
        var epochs = new Option<int>("--epochs") { Description = "Maximum epochs (early stopping may end sooner).", DefaultValueFactory = _ => 200 };
        var patience = new Option<int>("--patience") { Description = "Epochs without validation improvement before stopping.", DefaultValueFactory = _ => 15 };
        var seed = new Option<int>("--seed") { Description = "Seeds the head's weights and shuffle.", DefaultValueFactory = _ => 20200305 };
        var device = new Option<string>("--device") { Description = "auto, cpu or cuda.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int?>("--threads") { Description = "libtorch intra-op threads (default: all cores); the card records them." };
        var command = new Command("train", "Train a full-posterior head on a mass model's embedding and add it to the bundle.")
        {
            model, data, components, epochs, patience, seed, device, threads,
        };
        command.SetAction((parse, _) => Task.FromResult(Run(
            parse.GetValue(model)!.FullName, parse.GetValue(data)!.FullName, parse.GetValue(components), parse.GetValue(epochs), parse.GetValue(patience),
            parse.GetValue(seed), parse.GetValue(device)!, parse.GetValue(threads), System.Console.Out)));
        return command;
    }

    internal static int Run(string modelDirectory, string dataDirectory, int components, int epochs, int patience, int seed, string deviceName, int? threads, TextWriter log)
    {
        var device = TorchDevices.Select(deviceName, log.WriteLine);
        var views = PosteriorViews.Load(modelDirectory, dataDirectory);
        using var bundle = ModelBundle.Load(modelDirectory, device);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (train, _, _) = views.Embed(bundle, views.Split.Train);
        var (validation, _, _) = views.Embed(bundle, views.Split.Validation);
        log.WriteLine($"posterior train: embedded {train.Count} training and {validation.Count} validation views ({train.EmbeddingSize} values each) in {clock.Elapsed.TotalSeconds:F1} s");

        var spec = MixtureDensitySpec.Default(train.EmbeddingSize, 1) with { Components = components };
        var options = new PosteriorHeadOptions { MaxEpochs = epochs, Patience = patience, Seed = seed, IntraOpThreads = threads };
        var normalisation = bundle.Card.Normalisation;
        var (head, summary) = MixtureDensityTrainer.Train(train, validation, spec, normalisation.TargetMean, normalisation.TargetStd, options, device, log.WriteLine);
        using (head)
        {
            ModelCard written = ModelBundle.SavePosteriorHead(modelDirectory, bundle.Card, head, summary, PosteriorHeadCard.DefaultQuantileLevels);
            log.WriteLine($"posterior train: best epoch {summary.BestEpoch} of {summary.Epochs}, validation -ln q {summary.BestValidationNll:F4} nats, " +
                          $"{summary.WallSeconds:F0} s; wrote {written.PosteriorHead!.WeightsFile} (sha256 {written.PosteriorHead.WeightsSha256[..12]}...) into {modelDirectory}");
        }

        return 0;
    }
}
