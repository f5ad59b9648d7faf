using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamProcessor.Abundance;
using StreamProcessor.Abundance.Mocks;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>
/// <c>massfunction check</c>: the Kafka path and the science end to end with posterior-level mocks. A light cone is
/// drawn from Tinker+08 at the chosen cosmology (<see cref="MockSurveyDrawer"/>), observed with the survey's selection
/// and a Gaussian posterior of the CNN's scatter (<see cref="MockPosteriors"/>), published to posteriors.mass on an
/// embedded broker and aggregated by the real <see cref="MassFunctionService"/>; the updates are read back from the
/// massfunction topic and checked. (The full-physics version, member catalogues through phase-space and the CNN, is
/// the pipeline's run.)
/// <para>Criteria, for a survey whose theory is drawn at the true cosmology (base = truth):</para>
/// <list type="number">
/// <item>every (z, M) bin above the completeness limit expected to hold ≥ <see cref="MinExpectedPerBin"/> clusters lies
/// within <see cref="MaxAbsPull"/> of its own error (Poisson and posterior sampling) of the prediction — with ~40 such
/// bins a calibrated error bar fails this about 2 % of the time (Gaussian tails; heavier Poisson tails at N ≈ 10);</item>
/// <item>the total count above the limit lies within <see cref="MaxTotalSigmas"/> Poisson σ of the expectation;</item>
/// <item>the true (Ω_m, σ8) lies inside the 95 % highest-posterior-density region of the grid posterior. This fails in
/// about 5 % (calibrated) to 10 % (the coverage the Abundance tests measured on the 50 × 50 grid) of realisations;
/// the tests say how they deal with that;</item>
/// <item>when measured, a restarted service rebuilds the same counts from the topic.</item>
/// </list>
/// </summary>
public static class MassFunctionCheck
{
    /// <summary>Per-bin test threshold on |pull| (<see cref="ScienceCriteria"/>).</summary>
    public const double MaxAbsPull = ScienceCriteria.MaxAbsPull;

    /// <summary>Bins expected to hold fewer clusters are not tested one by one (<see cref="ScienceCriteria"/>).</summary>
    public const double MinExpectedPerBin = ScienceCriteria.MinExpectedPerBin;

    /// <summary>Total-count test threshold, Poisson σ (<see cref="ScienceCriteria"/>).</summary>
    public const double MaxTotalSigmas = ScienceCriteria.MaxTotalSigmas;

    private static readonly DateTimeOffset Epoch = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static async Task<MassFunctionCheckResult> RunAsync(
        MassFunctionCheckOptions options, TextWriter output, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        FlatLcdm truth = options.TrueCosmology().Validated();
        SurveyOptions survey = (options.Survey ?? DemoSurvey.Options()) with
        {
            SkyAreaDeg2 = options.SkyAreaDeg2,
            BaseCosmology = CosmologyOptions.From(truth),
            TrueCosmology = CosmologyOptions.From(truth),
            WarmScatterDex = options.PosteriorSigmaDex,
        };
        SurveyConfiguration configuration = survey.ToConfiguration();

        // 1. The mock: a light cone at the truth, observed with the survey's selection and the CNN's scatter.
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MockHalo> haloes = MockSurveyDrawer.Draw(truth, new MockSurveyOptions
        {
            SkyAreaDeg2 = survey.SkyAreaDeg2,
            RedshiftMin = survey.RedshiftEdges[0],
            RedshiftMax = survey.RedshiftEdges[^1],
            Log10MassMin = survey.Log10MassEdges[0] - options.MassMarginDex,
            Log10MassMax = Math.Max(16.0, survey.Log10MassEdges[^1] + options.MassMarginDex),
            Seed = options.Seed,
            IdPrefix = $"check-{options.Cosmology.ToString().ToLowerInvariant()}",
        });
        IReadOnlyList<MassPosterior> observed = [.. MockPosteriors.Observe(haloes, survey.Name, configuration.Completeness, options.PosteriorSigmaDex, options.Seed + 1000, Epoch)
            .Select(p => p with { Log10MassMean = p.Log10MassMean + options.MassBiasDex })];
        string description = string.Create(CultureInfo.InvariantCulture,
            $"MockPosteriors.Observe: N(log10 M_true + {options.MassBiasDex} + eps, {options.PosteriorSigmaDex} dex), selection {configuration.Completeness}, light cone {options.Cosmology} seed {options.Seed}");
        IReadOnlyList<Posterior> records = MockPosteriorRecords.From(observed, description, Epoch);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mock: {options.Cosmology} (Omega_m {truth.OmegaM}, sigma8 {truth.Sigma8}), {survey.SkyAreaDeg2:F0} deg2, seed {options.Seed}: {haloes.Count:N0} haloes, " +
            $"{records.Count:N0} selected, posterior sigma {options.PosteriorSigmaDex} dex, bias {options.MassBiasDex} dex (drawn in {clock.Elapsed.TotalSeconds:F1} s)"));

        // 2. The broker, the service, and the records through it.
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicCatalog.All);
        var kafka = new KafkaClientFactory(new KafkaOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            TopicProvisioning = TopicProvisioningMode.None,
            SessionTimeout = TimeSpan.FromSeconds(3),
        });
        var serviceOptions = new MassFunctionOptions
        {
            Surveys = [survey],
            UpdateEveryPosteriors = options.UpdateEveryPosteriors,
            UpdateInterval = options.UpdateInterval,
            GroupId = "massfunction-check",
        };
        var updateCodec = new MassFunctionUpdateCodec();
        ILogger<MassFunctionService> logger = loggerFactory?.CreateLogger<MassFunctionService>() ?? NullLogger<MassFunctionService>.Instance;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);

        var service = new MassFunctionService(serviceOptions, new PosteriorCodec(), updateCodec, kafka, new WorkerHealth(TimeProvider.System), logger);
        await service.StartAsync(timeout.Token);
        await service.Rebuilt.WaitAsync(timeout.Token);

        // Encoded beforehand, so the figure is the broker and the service, not this producer's Arrow encoding.
        var posteriorCodec = new PosteriorCodec();
        List<Message<string, byte[]>> messages = [.. records.Select(r => new Message<string, byte[]> { Key = posteriorCodec.KeyOf(r), Value = posteriorCodec.Encode(r) })];
        double updatesBefore = service.Statistics.TotalUpdateSeconds;
        var ingestClock = Stopwatch.StartNew();
        Produce(kafka, messages);
        double produceSeconds = ingestClock.Elapsed.TotalSeconds;
        while (service.Statistics.PosteriorsIngested < records.Count)
        {
            await Task.Delay(Poll, timeout.Token);
        }

        double ingestSeconds = ingestClock.Elapsed.TotalSeconds;
        double updateSecondsDuringIngest = service.Statistics.TotalUpdateSeconds - updatesBefore;
        IReadOnlyList<MassFunctionUpdate> final = await MassFunctionTopicReader.ReadUpdatesAsync(
            kafka, updateCodec, configuration.RedshiftEdges.Count - 1, u => u.NPosteriors == records.Count, timeout.Token);
        MassFunctionServiceStatistics statistics = service.Statistics;
        await service.StopAsync(CancellationToken.None);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service: ingested {records.Count:N0} posteriors in {ingestSeconds:F2} s = {records.Count / ingestSeconds:N0} posteriors/s end to end " +
            $"(produce → consume → decode → ingest; producer done after {produceSeconds:F2} s; {updateSecondsDuringIngest:F2} s of it computing updates on the consume thread, " +
            $"{statistics.UpdatesPublished} records published); update compute: first {statistics.FirstUpdateSeconds * 1e3:F0} ms, last {statistics.LastUpdateSeconds * 1e3:F0} ms"));

        // 3. Optionally a restart: a new service rebuilds the state from the topic and publishes the same counts.
        double rebuildRate = double.NaN;
        bool? restartReproduced = null;
        if (options.MeasureRebuild)
        {
            long lastSequence = final.Max(u => u.UpdateSequence);
            var restarted = new MassFunctionService(serviceOptions, new PosteriorCodec(), updateCodec, kafka, new WorkerHealth(TimeProvider.System), logger);
            await restarted.StartAsync(timeout.Token);
            await restarted.Rebuilt.WaitAsync(timeout.Token);
            IReadOnlyList<MassFunctionUpdate> afterRestart = await MassFunctionTopicReader.ReadUpdatesAsync(
                kafka, updateCodec, configuration.RedshiftEdges.Count - 1, u => u.UpdateSequence > lastSequence, timeout.Token);
            MassFunctionServiceStatistics again = restarted.Statistics;
            await restarted.StopAsync(CancellationToken.None);
            rebuildRate = again.PosteriorsIngested / again.RebuildSeconds;
            restartReproduced = afterRestart.All(a => final.Single(f => f.SeriesId == a.SeriesId).Counts.SequenceEqual(a.Counts));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"restart: rebuilt {again.PosteriorsIngested:N0} posteriors from {Topics.MassPosteriors} in {again.RebuildSeconds:F2} s = {rebuildRate:N0} posteriors/s " +
                $"(first update {again.FirstUpdateSeconds * 1e3:F0} ms); same counts as before: {restartReproduced}"));
        }

        MassFunctionCheckResult result = Evaluate(options, truth, haloes.Count, records.Count, final, ingestSeconds, statistics, rebuildRate, restartReproduced);
        Print(result, output);
        if (options.OutputFolder is { } folder)
        {
            foreach (string path in MassFunctionCheckReport.Write(result, folder)) output.WriteLine($"wrote {path}");
        }

        return result;
    }

    private static MassFunctionCheckResult Evaluate(
        MassFunctionCheckOptions options, FlatLcdm truth, int haloes, int published, IReadOnlyList<MassFunctionUpdate> final,
        double ingestSeconds, MassFunctionServiceStatistics statistics, double rebuildRate, bool? restartReproduced)
    {
        ScienceCriteriaResult criteria = ScienceCriteria.Evaluate(final, truth);
        var failures = new List<string>(criteria.Failures);
        if (restartReproduced == false) failures.Add("the first update after a restart did not have the counts of the last one before it");
        return new MassFunctionCheckResult(
            options.Cosmology,
            new CosmologyParameters(truth.OmegaM, truth.OmegaB, truth.LittleH, truth.Ns, truth.Sigma8),
            options.Seed,
            options.PosteriorSigmaDex,
            haloes,
            published,
            final,
            criteria.Bins,
            criteria.ObservedAboveLimit,
            criteria.ExpectedAboveLimit,
            criteria.CosmologyPosterior,
            criteria.LogLikelihoodTruthMinusMax,
            criteria.Level95MinusMax,
            criteria.TruthInside95,
            published / ingestSeconds,
            statistics.FirstUpdateSeconds,
            statistics.LastUpdateSeconds,
            rebuildRate,
            restartReproduced,
            failures);
    }

    private static void Print(MassFunctionCheckResult r, TextWriter output)
    {
        var criteria = new ScienceCriteriaResult(r.Bins, r.ObservedAboveLimit, r.ExpectedAboveLimit, r.CosmologyPosterior, r.LogLikelihoodTruthMinusMax, r.Level95MinusMax, r.TruthInside95, r.Failures);
        ScienceCriteria.Print(criteria, r.Truth, r.FinalUpdates[0].CompletenessLimitLog10M, output);
        foreach (string failure in r.Failures) output.WriteLine($"FAIL: {failure}");
        output.WriteLine(r.Passed ? "check PASSED" : "check FAILED");
    }

    private static void Produce(KafkaClientFactory kafka, IReadOnlyList<Message<string, byte[]>> messages)
    {
        using var producer = kafka.CreateProducer("massfunction-check");
        Error? failure = null;
        foreach (Message<string, byte[]> message in messages)
        {
            while (true)
            {
                try
                {
                    producer.Produce(Topics.MassPosteriors, message, report =>
                    {
                        if (report.Error.IsError) failure ??= report.Error;
                    });
                    break;
                }
                catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    producer.Poll(TimeSpan.FromMilliseconds(50)); // the bounded queue drains as the broker acknowledges
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(1));
        if (failure is not null) throw new KafkaException(failure);
    }
}
