using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Emulation;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;
using StreamProcessor.PipelineHost;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Pipeline.Profiles;

/// <summary>
/// `pipeline profiles`: the stacked-profile path end to end: the broker (embedded unless --bootstrap), profile-inference
/// in this process, demo stacks from the shipped emulator published to <c>profiles</c>, the posteriors read back from
/// <c>posteriors.params</c>, a summary against the true parameters, and summary.json + plots.
/// </summary>
internal static class ProfilesDemoCommand
{
    internal static Command Create()
    {
        var count = new Option<int>("--profiles") { Description = "Demo stacks to publish.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the demo stacks.", DefaultValueFactory = _ => 7UL };
        var noise = new Option<double>("--noise") { Description = "Fractional Gaussian error of every profile value (a stack of ~50 halos: ~0.1).", DefaultValueFactory = _ => 0.1 };
        var stackedObjects = new Option<int>("--stacked-objects") { Description = "Halos per demo stack (its stacked_objects).", DefaultValueFactory = _ => 50 };
        var meanProfiles = new Option<bool>("--mean-profiles")
        {
            Description = "Publish the emulator's mean profiles (plus the errors) instead of finite stacks drawn with the halo scatter and the emulator's own uncertainty.",
        };
        var emulator = new Option<string>("--emulator") { Description = "Emulator folder that makes the demo stacks.", DefaultValueFactory = _ => "models/profile-emulator" };
        var output = new Option<string>("--out") { Description = "Folder for summary.json and the plots.", DefaultValueFactory = _ => "artifacts/profiles-demo" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "Give up waiting for posteriors after this long.", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var command = new Command("profiles", "Demo stacked profiles through profile-inference (profiles -> posteriors.params) with a summary against the truth. Service options pass through.")
        {
            count, seed, noise, stackedObjects, meanProfiles, emulator, output, timeout,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, token) => RunAsync(
            parse.GetValue(count), parse.GetValue(seed), parse.GetValue(noise), parse.GetValue(stackedObjects), !parse.GetValue(meanProfiles), parse.GetValue(emulator)!, parse.GetValue(output)!, parse.GetValue(timeout),
            [.. parse.UnmatchedTokens], token));
        return command;
    }

    private static async Task<int> RunAsync(
        int count, ulong seed, double noise, int stackedObjects, bool finiteStacks, string emulatorPath, string outputFolder, TimeSpan timeLimit, string[] serviceArgs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string emulatorFolder = ModelFolder.Resolve(emulatorPath);
        var emulator = ProfileEmulator.FromModel(EmulatorModel.Load(emulatorFolder));
        var stacks = EmulatedProfileStacks.Generate(emulator, count, seed, noise, stackedObjects: stackedObjects, finiteStacks: finiteStacks);
        PipelineRun.Log($"emulated {count} demo stacks of {stackedObjects} halos ({(finiteStacks ? "halo scatter and emulator error drawn" : "mean profiles")}, " +
            $"{noise:P0} errors per value) from {emulatorFolder} in {clock.Elapsed.TotalSeconds:F1} s");

        await using var app = ProfilePathHost.Build(serviceArgs);
        await app.StartAsync(cancellationToken);
        var kafka = app.Services.GetRequiredService<KafkaClientFactory>();
        PipelineRun.Log($"broker {kafka.Options.BootstrapServers} and profile-inference ready after {clock.Elapsed.TotalSeconds:F1} s");

        var collector = new PosteriorCollector(kafka, topic: Topics.ParameterPosteriors);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeLimit);
        var collecting = collector.RunAsync(count, timeout.Token);
        using var producer = kafka.CreateProducer("pipeline-profiles");
        var publisher = new MessagePublisher<StackedProfile>(producer, new StackedProfileCodec(), Topics.Profiles, acknowledged: collector.CatalogueLogged);
        var profiles = stacks.Select(s => s.Profile).ToList();
        var published = await PipelineRun.WithProgressAsync(count, collector, "profiles", progress => publisher.PublishAsync(profiles, progress: progress, cancellationToken: timeout.Token), collecting);
        await collecting;
        var deadLettered = PipelineRun.DeadLetterCounts(kafka, [Topics.Profiles]);
        await app.StopAsync(CancellationToken.None);

        var truth = stacks.ToDictionary(s => s.Profile.ProfileId, s => s.TrueValues);
        string[] names = [.. emulator.Model.Parameters.Select(p => p.InferredName)];
        string[] groups = [.. emulator.Model.Parameters.Select(p => p.Group)];
        var summary = ProfilesDemoSummary.From((int)published.Acknowledged, collector.Posteriors(), truth, names, groups, deadLettered,
            collector.Duplicates, collector.Span(), collector.EndToEndLatenciesSeconds());
        summary.Print(Console.Out);
        foreach (string file in await summary.WriteAsync(outputFolder, collector.Posteriors(), truth, names, groups))
        {
            PipelineRun.Log($"wrote {file}");
        }

        return collector.Count == count ? 0 : 1;
    }
}
