using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.Ingestion.Publishing;
using StreamProcessor.Kafka;
using StreamProcessor.SubscribeCli;

namespace StreamProcessor.Cli.Tests;

public sealed class SubscribeFollowTests
{
    [Fact]
    public async Task Reading_from_latest_returns_only_records_produced_after_the_reader_started()
    {
        using var broker = new BrokerFixture();
        var old = DemoSurvey.Generate(new DemoSurveyOptions { Clusters = 5, Seed = 21, Survey = "old" });
        var fresh = DemoSurvey.Generate(new DemoSurveyOptions { Clusters = 4, Seed = 22, Survey = "fresh" });
        using var producer = new KafkaClientFactory(broker.Kafka).CreateProducer();
        var publisher = new CataloguePublisher(producer);
        await publisher.PublishAsync(old);
        var positioned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new StringWriter();
        // The reader's idle clock starts once it is positioned, and this test must publish within it: the idle timeout
        // and both waits are liveness bounds, generous for a slow or single-core machine; the reader stops at Max = 4
        // as soon as the fresh records arrive, so they cost nothing when the behaviour is right.
        var settings = new SubscribeSettings(Topics.Catalogues, broker.Kafka, StartPosition.Latest, null, Max: 4, TimeSpan.FromSeconds(60),
            FilterSettings.None, OutputFormat.Csv, null);

        var reading = Task.Run(() => SubscribeCommand.RunAsync(settings, output, new StringWriter(), positioned.SetResult));
        await positioned.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await publisher.PublishAsync(fresh);
        var outcome = await reading.WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(4, outcome.Summary!.Matched);
        Assert.Equal(fresh.Select(c => c.ClusterId).Order(), SubscribeTests.ReadCsv(output.ToString()).Select(r => r["cluster_id"]).Order());
    }

    [Fact]
    public async Task Undecodable_records_are_counted_with_their_reason_and_the_rest_is_still_read()
    {
        using var broker = new BrokerFixture();
        var survey = DemoSurvey.Generate(3, seed: 31);
        using var producer = new KafkaClientFactory(broker.Kafka).CreateProducer();
        await new CataloguePublisher(producer).PublishAsync(survey);
        await producer.ProduceAsync(Topics.Catalogues, new Message<string, byte[]> { Key = "garbage", Value = [1, 2, 3, 4, 5] });
        var log = new StringWriter();
        var settings = new SubscribeSettings(Topics.Catalogues, broker.Kafka, StartPosition.Earliest, null, null, SubscribeTests.IdleTimeout,
            FilterSettings.None, OutputFormat.Table, null);

        var outcome = await SubscribeCommand.RunAsync(settings, new StringWriter(), log);

        Assert.Equal(ExitCodes.Success, outcome.ExitCode);
        Assert.Equal(4, outcome.Summary!.Read);
        Assert.Equal(3, outcome.Summary.Matched);
        Assert.Equal(1, outcome.Summary.Undecodable);
        Assert.Equal(1, outcome.Summary.UndecodableByReason["malformed"].Count);
        Assert.Contains("undecodable      1: malformed", log.ToString());
    }
}
