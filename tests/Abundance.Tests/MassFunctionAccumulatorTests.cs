using System.Diagnostics;
using Xunit.Abstractions;

namespace StreamProcessor.Abundance.Tests;

public sealed class MassFunctionAccumulatorTests(ITestOutputHelper output)
{
    private static MassPosterior Posterior(string id, double log10Mass, int minutes, bool accepted = true) =>
        new(id, "tiny", 0.07, TestSurveys.Epoch.AddMinutes(minutes), log10Mass, 0.01, null, accepted);

    private static int TotalCounts(MassFunctionSnapshot snapshot) => snapshot.RedshiftBins.Sum(b => b.ObservedCounts.Sum());

    [Fact]
    public void The_newest_posterior_of_a_cluster_wins_whatever_the_arrival_order()
    {
        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);

        Assert.Equal(IngestOutcome.Added, accumulator.Ingest(Posterior("A", 14.2, minutes: 10)).Outcome);
        Assert.Equal(IngestOutcome.Replaced, accumulator.Ingest(Posterior("A", 14.7, minutes: 20)).Outcome);
        Assert.Equal(IngestOutcome.IgnoredAsOlder, accumulator.Ingest(Posterior("A", 14.3, minutes: 15)).Outcome);

        MassFunctionSnapshot snapshot = accumulator.Snapshot("tiny");
        Assert.Equal(0, snapshot.RedshiftBins[0].ObservedCounts[0]);
        Assert.Equal(1, snapshot.RedshiftBins[0].ObservedCounts[1]);
        Assert.Equal(new SurveyCounters(3, 1, 1, 1, 1, 1, 0, 2), snapshot.Counters);
    }

    [Fact]
    public void On_equal_detection_times_the_later_arrival_wins()
    {
        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);
        _ = accumulator.Ingest(Posterior("A", 14.2, minutes: 10));
        Assert.Equal(IngestOutcome.Replaced, accumulator.Ingest(Posterior("A", 14.7, minutes: 10)).Outcome);

        MassFunctionSnapshot snapshot = accumulator.Snapshot("tiny");
        Assert.Equal([0, 1], snapshot.RedshiftBins[0].ObservedCounts);
    }

    [Fact]
    public void Replaying_the_whole_stream_does_not_double_count()
    {
        var stream = new List<MassPosterior>();
        for (int k = 0; k < 40; k++) stream.Add(Posterior($"C{k % 25}", 14.05 + (0.02 * k), minutes: k));

        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);
        foreach (MassPosterior p in stream) _ = accumulator.Ingest(p);
        MassFunctionSnapshot once = accumulator.Snapshot("tiny");

        // A consumer restarted from offset 0 sees every message again, in order; a second re-run of inference
        // republishes them in reverse. Neither changes what is counted.
        foreach (MassPosterior p in stream) _ = accumulator.Ingest(p);
        foreach (MassPosterior p in Enumerable.Reverse(stream)) _ = accumulator.Ingest(p);
        MassFunctionSnapshot replayed = accumulator.Snapshot("tiny");

        Assert.Equal(25, TotalCounts(once));
        Assert.Equal(once.RedshiftBins[0].ObservedCounts, replayed.RedshiftBins[0].ObservedCounts);
        Assert.Equal(once.RedshiftBins[1].ObservedCounts, replayed.RedshiftBins[1].ObservedCounts);
        Assert.Equal(25, replayed.Counters.ClustersStored);
        Assert.Equal(120, replayed.Counters.PosteriorsReceived);
    }

    [Fact]
    public void A_newer_rejected_posterior_removes_the_cluster_from_the_counts_and_a_newer_accepted_one_restores_it()
    {
        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);
        _ = accumulator.Ingest(Posterior("A", 14.2, minutes: 1));
        _ = accumulator.Ingest(Posterior("B", 14.3, minutes: 1));
        _ = accumulator.Ingest(Posterior("A", 14.2, minutes: 2, accepted: false));
        Assert.Equal(1, TotalCounts(accumulator.Snapshot("tiny")));
        Assert.Equal(1, accumulator.Counters("tiny").ClustersRejected);

        _ = accumulator.Ingest(Posterior("A", 14.2, minutes: 3));
        Assert.Equal(2, TotalCounts(accumulator.Snapshot("tiny")));
        Assert.Equal(0, accumulator.Counters("tiny").ClustersRejected);
    }

    [Fact]
    public void Bad_posteriors_and_unknown_surveys_are_reported_not_stored()
    {
        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);
        MassPosterior good = Posterior("A", 14.2, minutes: 1);

        Assert.Equal(IngestOutcome.Invalid, accumulator.Ingest(good with { Log10MassSigmaDex = -0.1 }).Outcome);
        Assert.Equal(IngestOutcome.Invalid, accumulator.Ingest(good with { Redshift = double.NaN }).Outcome);
        Assert.Equal(IngestOutcome.Invalid, accumulator.Ingest(good with { ClusterId = "" }).Outcome);
        IngestResult unknown = accumulator.Ingest(good with { Survey = "other" });
        Assert.Equal(IngestOutcome.UnknownSurvey, unknown.Outcome);
        Assert.Contains("other", unknown.Reason);
        Assert.Equal(0, accumulator.Counters("tiny").PosteriorsReceived);
    }

    [Fact]
    public void Two_hundred_thousand_posteriors_with_reruns_keep_one_per_cluster()
    {
        const int count = 200_000;
        var posteriors = new MassPosterior[count];
        for (int k = 0; k < count; k++) posteriors[k] = Posterior($"cluster-{k % 150_000:D6}", 14.0 + (k % 1000 * 1e-3), minutes: k);
        var accumulator = new MassFunctionAccumulator([TestSurveys.Tiny()]);

        var clock = Stopwatch.StartNew();
        foreach (MassPosterior p in posteriors) _ = accumulator.Ingest(p);
        double rate = count / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{count} posteriors in {clock.Elapsed.TotalMilliseconds:F1} ms: {rate:N0} per second");

        // The rate is printed, not asserted: the speed target lives in `bench massfunction`.
        Assert.Equal(150_000, accumulator.Counters("tiny").ClustersStored);
        Assert.Equal(count, accumulator.Counters("tiny").PosteriorsReceived);
    }
}
