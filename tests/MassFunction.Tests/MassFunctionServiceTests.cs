using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.MassFunctionAggregation;
using Xunit.Abstractions;

namespace StreamProcessor.MassFunction.Tests;

/// <summary>The service against the embedded broker. Each test uses its own survey name, so the survey-labelled metrics are its own.</summary>
public sealed class MassFunctionServiceTests(ITestOutputHelper output)
{
    private const string Service = MassFunctionService.ServiceName;

    [Fact]
    public async Task Posteriors_in_come_out_as_one_update_per_redshift_bin_with_the_counts_of_the_input()
    {
        using var fixture = new ServiceFixture();
        var survey = TestPosteriors.SmallSurvey("counts");
        var posteriors = TestPosteriors.Spread(survey.Name, 300);
        double consumedBefore = StreamMetrics.Consumed.WithLabels(Service, Topics.MassPosteriors).Value;
        var service = fixture.NewService(survey, updateEveryPosteriors: 100);

        await service.StartAsync(CancellationToken.None);
        await service.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        fixture.Produce(posteriors);
        var records = fixture.ReadUntil(Topics.MassFunction, rs => rs.Count(r => fixture.UpdateCodec.Decode(r.Message.Value).NPosteriors == 300) >= 2);
        var health = await fixture.Health.CheckHealthAsync(new());
        await service.StopAsync(CancellationToken.None);

        var updates = records.Select(r => (Record: r, Update: fixture.UpdateCodec.Decode(r.Message.Value))).ToList();
        var final = updates.Where(u => u.Update.NPosteriors == 300).ToDictionary(u => u.Update.SeriesId, u => u.Update);
        Assert.Equal(["counts/z0.05-0.10", "counts/z0.10-0.20"], final.Keys.Order());
        int[][] expected = TestPosteriors.CountByMean(posteriors, survey);
        Assert.Equal(expected[0].Select(n => (double)n), final["counts/z0.05-0.10"].Counts);
        Assert.Equal(expected[1].Select(n => (double)n), final["counts/z0.10-0.20"].Counts);
        foreach (var (record, update) in updates)
        {
            Assert.Equal(update.SeriesId, record.Message.Key);
            Assert.Equal("mass-function", ServiceFixture.Header(record, MessageHeaders.SchemaName));
            Assert.Equal("1.1", ServiceFixture.Header(record, MessageHeaders.SchemaVersion));
            Assert.Equal(MessageHeaders.ArrowStreamContentType, ServiceFixture.Header(record, MessageHeaders.ContentType));
            Assert.Equal(6 * 6, update.Cosmology!.LogLikelihood.Count);
            Assert.Null(update.TrueCosmology);
        }

        // Publishing every 100 posteriors (or 300 ms): the sequence of each series counts its updates, and nothing older is newer.
        foreach (var series in updates.GroupBy(u => u.Update.SeriesId))
        {
            var sequences = series.Select(u => u.Update.UpdateSequence).ToList();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
            Assert.True(series.Select(u => u.Update.NPosteriors).SequenceEqual(series.Select(u => u.Update.NPosteriors).Order()));
        }

        Assert.Equal(300, StreamMetrics.Consumed.WithLabels(Service, Topics.MassPosteriors).Value - consumedBefore);
        Assert.Equal(updates.Count, MassFunctionMetrics.Updates.WithLabels(Service, survey.Name).Value);
        Assert.Equal(300, MassFunctionMetrics.Clusters.WithLabels(Service, survey.Name).Value);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, health.Status);
        output.WriteLine($"{updates.Count} updates; statistics {service.Statistics}");
    }

    [Fact]
    public async Task Duplicates_and_re_runs_do_not_double_count_and_the_newest_posterior_of_a_cluster_wins()
    {
        using var fixture = new ServiceFixture();
        var survey = TestPosteriors.SmallSurvey("duplicates");
        var first = TestPosteriors.Spread(survey.Name, 100);
        // Re-runs of 20 clusters an hour later, all moved to the top mass bin; then the first 100 once more (a replay).
        var reruns = first.Take(20).Select(p => TestPosteriors.Accepted(p.ObjectId, survey.Name, p.Redshift, 14.9, minutes: 60)).ToList();
        var service = fixture.NewService(survey);

        await service.StartAsync(CancellationToken.None);
        await service.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        fixture.Produce(first);
        fixture.Produce(reruns);
        fixture.Produce(first);
        var final = fixture.ReadUpdates(survey, u => u.NPosteriors == 220);
        await service.StopAsync(CancellationToken.None);

        int[][] expected = TestPosteriors.CountByMean(reruns.Concat(first.Skip(20)), survey);
        Assert.Equal(expected[0].Select(n => (double)n), final["duplicates/z0.05-0.10"].Counts);
        Assert.Equal(expected[1].Select(n => (double)n), final["duplicates/z0.10-0.20"].Counts);
        Assert.Equal(100, service.Accumulator.Counters(survey.Name).ClustersAccepted);
        Assert.Equal(100, MassFunctionMetrics.Clusters.WithLabels(Service, survey.Name).Value);
    }

    [Fact]
    public async Task Bad_records_land_in_the_dead_letter_topic_with_reason_headers_and_the_loop_goes_on()
    {
        using var fixture = new ServiceFixture();
        var survey = TestPosteriors.SmallSurvey("poison");
        var good = TestPosteriors.Spread(survey.Name, 40);
        var noMass = TestPosteriors.Accepted("no-mass", survey.Name, 0.1, 14.5) with { Log10M200c = null };
        var wide = TestPosteriors.Accepted("wide", survey.Name, 0.1, 14.5, sigmaDex: 2.0);
        var elsewhere = TestPosteriors.Accepted("elsewhere", "another-survey", 0.1, 14.5);
        double skippedBefore = StreamMetrics.Skipped.WithLabels(Service, "unknown-survey").Value;
        double malformedBefore = StreamMetrics.DeadLettered.WithLabels(Service, Topics.MassPosteriors, "malformed").Value;
        var service = fixture.NewService(survey);

        await service.StartAsync(CancellationToken.None);
        await service.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        fixture.Produce(good.Take(20));
        fixture.ProduceRaw([("garbage", [1, 2, 3]), ("no-mass", fixture.PosteriorCodec.Encode(noMass)), ("wide", fixture.PosteriorCodec.Encode(wide)),
            ("elsewhere", fixture.PosteriorCodec.Encode(elsewhere))]);
        fixture.Produce(good.Skip(20));
        var final = fixture.ReadUpdates(survey, u => u.NPosteriors == 40);
        var dead = fixture.ReadUntil(Topics.DeadLetter(Topics.MassPosteriors), rs => rs.Count >= 3);
        await service.StopAsync(CancellationToken.None);

        int[][] expected = TestPosteriors.CountByMean(good, survey);
        Assert.Equal(expected[0].Select(n => (double)n), final["poison/z0.05-0.10"].Counts);
        var byKey = dead.ToDictionary(d => d.Message.Key);
        Assert.Equal(["garbage", "no-mass", "wide"], byKey.Keys.Order());
        Assert.Equal(new byte[] { 1, 2, 3 }, byKey["garbage"].Message.Value);
        Assert.Equal("malformed", ServiceFixture.Header(byKey["garbage"], MessageHeaders.DlqReason));
        Assert.Equal("decode", ServiceFixture.Header(byKey["garbage"], MessageHeaders.DlqStage));
        Assert.Equal(typeof(RecordValidationException).FullName, ServiceFixture.Header(byKey["garbage"], MessageHeaders.DlqExceptionType));
        Assert.Equal("unprocessable", ServiceFixture.Header(byKey["no-mass"], MessageHeaders.DlqReason));
        Assert.Equal("step", ServiceFixture.Header(byKey["no-mass"], MessageHeaders.DlqStage));
        Assert.Contains("log10_m200c", ServiceFixture.Header(byKey["no-mass"], MessageHeaders.DlqMessage));
        Assert.Equal("unprocessable", ServiceFixture.Header(byKey["wide"], MessageHeaders.DlqReason));
        Assert.Contains("sigma", ServiceFixture.Header(byKey["wide"], MessageHeaders.DlqMessage));
        foreach (var d in dead)
        {
            Assert.Equal("test", ServiceFixture.Header(d, "origin"));
            Assert.Equal(Topics.MassPosteriors, ServiceFixture.Header(d, MessageHeaders.DlqSourceTopic));
            Assert.InRange(int.Parse(ServiceFixture.Header(d, MessageHeaders.DlqSourcePartition)), 0, 11);
            Assert.True(long.Parse(ServiceFixture.Header(d, MessageHeaders.DlqSourceOffset)) >= 0);
        }

        Assert.Equal(3, service.Statistics.DeadLettered);
        Assert.Equal(1, StreamMetrics.DeadLettered.WithLabels(Service, Topics.MassPosteriors, "malformed").Value - malformedBefore);
        Assert.Equal(1, StreamMetrics.Skipped.WithLabels(Service, "unknown-survey").Value - skippedBefore);
    }

    [Fact]
    public async Task A_restarted_service_rebuilds_the_same_state_from_the_topic_and_continues_the_sequence()
    {
        using var fixture = new ServiceFixture();
        var survey = TestPosteriors.SmallSurvey("restart");
        var posteriors = TestPosteriors.Spread(survey.Name, 200);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Mark(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds:F2} s: {what}");

        // Run 1 sees 150 posteriors and commits them.
        var first = fixture.NewService(survey);
        await first.StartAsync(CancellationToken.None);
        await first.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        fixture.Produce(posteriors.Take(150));
        var before = fixture.ReadUpdates(survey, u => u.NPosteriors == 150);
        Mark("run 1 published");
        await first.StopAsync(CancellationToken.None);
        Mark("run 1 stopped");

        // Run 2 starts on the same topic: its first update (published right after the rebuild) has the same counts.
        var second = fixture.NewService(survey);
        await second.StartAsync(CancellationToken.None);
        await second.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        Mark("run 2 rebuilt");
        var afterRestart = fixture.ReadUpdates(survey, u => u.UpdateSequence > before[u.SeriesId].UpdateSequence);
        Mark("run 2 read");
        // While it was down nothing was lost: 50 posteriors and a bad record arrive while run 2 is stopped.
        await second.StopAsync(CancellationToken.None);
        fixture.Produce(posteriors.Skip(150));
        fixture.ProduceRaw([("garbage", [9, 9, 9])]);

        // Run 3 reads the 50 + 1 uncommitted records as new: the bad one is dead-lettered once, the rest counted once.
        var third = fixture.NewService(survey);
        await third.StartAsync(CancellationToken.None);
        await third.Rebuilt.WaitAsync(ServiceFixture.Timeout);
        Mark("run 3 rebuilt");
        var all = fixture.ReadUpdates(survey, u => u.NPosteriors == 200);
        Mark("run 3 read");
        await third.StopAsync(CancellationToken.None);
        Mark("run 3 stopped");
        long dead = fixture.RecordsIn(Topics.DeadLetter(Topics.MassPosteriors));

        foreach (var (series, update) in afterRestart)
        {
            Assert.Equal(before[series].Counts, update.Counts);
            Assert.Equal(before[series].NPosteriors, update.NPosteriors);
            Assert.Equal(before[series].Cosmology!.LogLikelihood, update.Cosmology!.LogLikelihood);
            Assert.Equal(before[series].UpdateSequence + 1, update.UpdateSequence);
        }

        Assert.Equal(150, second.Statistics.RecordsReplayed);
        Assert.Equal(0, second.Statistics.RecordsConsumed);
        Assert.Equal(150, third.Statistics.RecordsReplayed);
        Assert.Equal(51, third.Statistics.RecordsConsumed);
        int[][] expected = TestPosteriors.CountByMean(posteriors, survey);
        Assert.Equal(expected[0].Select(n => (double)n), all["restart/z0.05-0.10"].Counts);
        Assert.Equal(expected[1].Select(n => (double)n), all["restart/z0.10-0.20"].Counts);
        Assert.Equal(1, dead);
        output.WriteLine($"run 2 rebuild {second.Statistics.RebuildSeconds * 1e3:F0} ms; run 3 rebuild {third.Statistics.RebuildSeconds * 1e3:F0} ms");
    }
}
