using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamProcessor.Abundance;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology.PowerSpectrum;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.Kafka;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// posteriors.mass → massfunction. Stateful, so not the per-record StreamWorker: the state (the newest posterior of
/// every cluster) lives in a <see cref="MassFunctionAccumulator"/> and is REBUILT at every start by reading
/// posteriors.mass from the beginning to the current end of every partition (group-less reader; the accumulator
/// deduplicates by cluster id, so a replay never double counts). Then it consumes new posteriors in a consumer group,
/// starting every partition where the rebuild stopped, and commits offsets after every batch. Nothing is lost when
/// it is killed: whatever it had is re-read from the topic.
/// <para>
/// Records at or after the group's committed offset are new even when the rebuild reads them (the previous run never
/// finished them): they are dead-lettered when bad and counted for the update cadence; records before it were
/// handled by a previous run and are only replayed. Every N new posteriors or T seconds it publishes, for each survey
/// whose state changed, one update per redshift bin keyed by series id. One replica only: the state needs every
/// partition (a second replica in the group would see part of the new records).
/// </para>
/// </summary>
public sealed class MassFunctionService : BackgroundService
{
    public const string ServiceName = "massfunction";

    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(200);

    private readonly MassFunctionOptions _options;
    private readonly IMessageCodec<Posterior> _inputCodec;
    private readonly IMessageCodec<MassFunctionUpdate> _outputCodec;
    private readonly KafkaClientFactory _kafka;
    private readonly WorkerHealth _health;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly string _groupId;
    private readonly string _dlqTopic = Topics.DeadLetter(Topics.MassPosteriors);
    private readonly UpdateCadence _cadence;
    private readonly UpdateSequences _sequences = new();
    private readonly Dictionary<string, SurveyOptions> _surveys;
    private readonly Dictionary<string, SelectionCalibration> _calibrations = new(StringComparer.Ordinal);
    private readonly HashSet<(string Survey, string ModelCard)> _mismatchesLogged = [];
    private readonly Dictionary<string, long> _publishedRevision = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The state holds every record of a partition before _next[p]. Touched only by the loop thread and the rebalance
    // callbacks, which librdkafka invokes from inside Consume() on that same thread.
    private readonly Dictionary<TopicPartition, long> _next = [];
    private readonly Dictionary<TopicPartition, long> _committed = [];
    private readonly HashSet<TopicPartition> _assigned = [];

    private long _replayed;
    private long _consumed;
    private long _ingested;
    private long _deadLettered;
    private long _updatesPublished;
    private long _calibrationModelMismatches;
    private double _rebuildSeconds = double.NaN;
    private double _firstUpdateSeconds = double.NaN;
    private double _lastUpdateSeconds = double.NaN;
    private double _totalUpdateSeconds;

    public MassFunctionService(
        MassFunctionOptions options,
        IMessageCodec<Posterior> inputCodec,
        IMessageCodec<MassFunctionUpdate> outputCodec,
        KafkaClientFactory kafka,
        WorkerHealth health,
        ILogger<MassFunctionService> logger,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _inputCodec = inputCodec;
        _outputCodec = outputCodec;
        _kafka = kafka;
        _health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _groupId = options.GroupId ?? ServiceName;
        _surveys = options.EffectiveSurveys().ToDictionary(s => s.Name, StringComparer.Ordinal);
        var configurations = new List<SurveyConfiguration>();
        TransferFunctionChoice transfer = options.TransferChoice();
        _logger.LogInformation("{Service}: transfer function {Transfer}", ServiceName, transfer.Name);
        foreach (SurveyOptions survey in _surveys.Values)
        {
            // Read once: the configuration and the model card the posteriors are checked against come from the same file.
            if (survey.LoadSelectionCalibration() is { } calibration)
            {
                _calibrations[survey.Name] = calibration;
                configurations.Add(survey.WithSelectionCalibration(calibration).ToConfiguration(transfer));
                _logger.LogInformation("{Service}: survey {Survey}: selection and mass–observable calibration {File} (model {Model}, card {Card})",
                    ServiceName, survey.Name, Path.GetFullPath(survey.SelectionCalibrationFile!), calibration.ModelVersion, calibration.ModelCardSha256);
            }
            else
            {
                configurations.Add(survey.ToConfiguration(transfer));
            }
        }

        Accumulator = new MassFunctionAccumulator(configurations, _time);
        _cadence = new UpdateCadence(options.UpdateEveryPosteriors, options.UpdateInterval, _time);
        _health.Register(ServiceName);
    }

    /// <summary>The live state (thread-safe to read).</summary>
    public MassFunctionAccumulator Accumulator { get; }

    /// <summary>Completes when the start-up rebuild has finished and its first updates are published.</summary>
    public Task Rebuilt => _rebuilt.Task;

    /// <summary>
    /// Accepted posteriors (new or replayed) of surveys configured with a <see cref="SurveyOptions.SelectionCalibrationFile"/>
    /// whose model card differs from the calibration's: counted, logged once per survey and model card, still ingested.
    /// </summary>
    public long CalibrationModelMismatches => Interlocked.Read(ref _calibrationModelMismatches);

    /// <summary>Counters since start.</summary>
    public MassFunctionServiceStatistics Statistics => new(
        Interlocked.Read(ref _replayed),
        Interlocked.Read(ref _consumed),
        Interlocked.Read(ref _ingested),
        Interlocked.Read(ref _deadLettered),
        Interlocked.Read(ref _updatesPublished),
        Volatile.Read(ref _rebuildSeconds),
        Volatile.Read(ref _firstUpdateSeconds),
        Volatile.Read(ref _lastUpdateSeconds),
        Volatile.Read(ref _totalUpdateSeconds));

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The consume loop blocks in librdkafka: keep it off the host's thread.
        return Task.Factory.StartNew(() => RunAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // ...and, since it blocks pool threads after its first await, keep the pool from starving while it runs.
        using var poolThreads = ThreadPoolReserve.ForBlockingLoop();
        using var producer = _kafka.CreateProducer($"producer-{ServiceName}");
        using var consumer = _kafka.CreateConsumerBuilder(_groupId)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked([.. partitions.Select(p => p.TopicPartition)]))
            .SetPartitionsLostHandler((_, partitions) => OnRevoked([.. partitions.Select(p => p.TopicPartition)]))
            .SetErrorHandler((_, error) => _logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning, "{Service}: Kafka {Code}: {Reason}", ServiceName, error.Code, error.Reason))
            .Build();
        try
        {
            foreach (SurveyOptions survey in _surveys.Values.Where(s => s.WarmScatterDex is not null))
            {
                Accumulator.Warm(survey.Name, survey.WarmScatterDex!.Value);
            }

            await RebuildAsync(consumer, producer, stoppingToken);
            await PublishAsync(producer);
            _cadence.Reset();
            _rebuilt.TrySetResult();

            consumer.Subscribe(Topics.MassPosteriors);
            _health.MarkRunning(ServiceName);
            _logger.LogInformation("{Service}: consuming {Input} in group {Group} → {Output} (dead letters → {Dlq})",
                ServiceName, Topics.MassPosteriors, _groupId, Topics.MassFunction, _dlqTopic);
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = CollectBatch(consumer, stoppingToken);
                _health.Beat(ServiceName);
                // Once collected, a batch is finished even during shutdown: dead letters acknowledged, offsets committed.
                if (batch.Count > 0) await ProcessBatchAsync(producer, batch);
                Commit(consumer);
                UpdateLag(consumer);
                if (_cadence.IsDue) await PublishAsync(producer);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _rebuilt.TrySetCanceled(stoppingToken);
        }
        catch (Exception e)
        {
            _health.MarkFailed(ServiceName, e);
            _rebuilt.TrySetException(e);
            _logger.LogCritical(e, "{Service}: failed; stopping so the orchestrator restarts it", ServiceName);
            Environment.ExitCode = 1;
            throw;
        }
        finally
        {
            producer.Flush(TimeSpan.FromSeconds(30));
            consumer.Close();
            _health.MarkStopped(ServiceName);
            _logger.LogInformation("{Service}: stopped", ServiceName);
        }
    }

    /// <summary>Reads posteriors.mass from the beginning to the end offsets taken now, into the accumulator.</summary>
    private async Task RebuildAsync(IConsumer<string, byte[]> groupConsumer, IProducer<string, byte[]> producer, CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        List<TopicPartition> partitions = Partitions(producer, Topics.MassPosteriors);

        // What a previous run finished: the group's committed offsets (none on a first start: everything is new).
        foreach (TopicPartitionOffset committed in groupConsumer.Committed(partitions, MetadataTimeout))
        {
            if (committed.Offset.Value >= 0) _committed[committed.TopicPartition] = committed.Offset.Value;
        }

        using var reader = _kafka.CreateReader($"{ServiceName}-rebuild", ReplayReader);
        var end = new Dictionary<TopicPartition, long>();
        var toRead = new List<TopicPartitionOffset>();
        foreach (TopicPartition partition in partitions)
        {
            WatermarkOffsets watermarks = reader.QueryWatermarkOffsets(partition, MetadataTimeout);
            end[partition] = watermarks.High.Value;
            _next[partition] = watermarks.Low.Value;
            if (watermarks.High.Value > watermarks.Low.Value) toRead.Add(new TopicPartitionOffset(partition, Offset.Beginning));
        }

        long records = 0;
        var deliveries = new List<Task>();
        if (toRead.Count > 0)
        {
            reader.Assign(toRead);
            var remaining = toRead.Select(p => p.TopicPartition).ToHashSet();
            while (remaining.Count > 0)
            {
                stoppingToken.ThrowIfCancellationRequested();
                ConsumeResult<string, byte[]>? record = reader.Consume(IdlePoll);
                if (record is null) continue;
                if (record.IsPartitionEOF)
                {
                    // EOF rather than "offset = end − 1": a partition may end in offsets that are never delivered.
                    _next[record.TopicPartition] = Math.Max(_next[record.TopicPartition], record.Offset.Value);
                    if (record.Offset.Value >= end[record.TopicPartition]) remaining.Remove(record.TopicPartition);
                    continue;
                }

                records++;
                bool isNew = !_committed.TryGetValue(record.TopicPartition, out long committed) || record.Offset.Value >= committed;
                if (isNew) deliveries.AddRange(Handle(producer, record, isNew: true));
                else
                {
                    _ = Handle(producer, record, isNew: false);
                    Interlocked.Increment(ref _replayed);
                    MassFunctionMetrics.Replayed.WithLabels(ServiceName).Inc();
                }
            }

            reader.Close();
        }

        await Task.WhenAll(deliveries);
        double seconds = clock.Elapsed.TotalSeconds;
        Volatile.Write(ref _rebuildSeconds, seconds);
        MassFunctionMetrics.RebuildDuration.WithLabels(ServiceName).Set(seconds);
        UpdateClusterGauges();
        SeedSequences(Partitions(producer, Topics.MassFunction));
        _logger.LogInformation("{Service}: rebuilt from {Records} records of {Topic} in {Seconds:F2} s ({Replayed} replayed, {Clusters} clusters)",
            ServiceName, records, Topics.MassPosteriors, seconds, Interlocked.Read(ref _replayed),
            string.Join(", ", Accumulator.Surveys.Select(s => $"{s}: {Accumulator.Counters(s).ClustersAccepted}")));
    }

    /// <summary>Reads the tail of every massfunction partition, so each series continues its update_sequence.</summary>
    private void SeedSequences(List<TopicPartition> partitions)
    {
        if (_options.SequenceTailRecords == 0) return;
        using var reader = _kafka.CreateReader($"{ServiceName}-sequences", ReplayReader);
        var start = new List<TopicPartitionOffset>();
        foreach (TopicPartition partition in partitions)
        {
            WatermarkOffsets w = reader.QueryWatermarkOffsets(partition, MetadataTimeout);
            if (w.High.Value > w.Low.Value) start.Add(new TopicPartitionOffset(partition, Math.Max(w.Low.Value, w.High.Value - _options.SequenceTailRecords)));
        }

        if (start.Count == 0) return;
        reader.Assign(start);
        var remaining = start.Select(s => s.TopicPartition).ToHashSet();
        while (remaining.Count > 0)
        {
            ConsumeResult<string, byte[]>? record = reader.Consume(IdlePoll);
            if (record is null) continue;
            if (record.IsPartitionEOF)
            {
                remaining.Remove(record.TopicPartition);
                continue;
            }

            try
            {
                MassFunctionUpdate update = _outputCodec.Decode(record.Message.Value ?? []);
                _sequences.Observe(update.SeriesId, update.UpdateSequence);
            }
            catch (RecordValidationException e)
            {
                // Not this service's input: nothing to dead-letter, just not a sequence to continue.
                _logger.LogWarning("{Service}: unreadable {Topic} record at {Partition}/{Offset}: {Reason}",
                    ServiceName, Topics.MassFunction, record.Partition.Value, record.Offset.Value, e.Message);
            }
        }

        reader.Close();
    }

    private List<ConsumeResult<string, byte[]>> CollectBatch(IConsumer<string, byte[]> consumer, CancellationToken stoppingToken)
    {
        var batch = new List<ConsumeResult<string, byte[]>>();
        long firstTimestamp = 0;
        while (batch.Count < _options.MaxBatchSize && !stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = firstTimestamp == 0
                ? (_cadence.UntilDue < IdlePoll ? _cadence.UntilDue : IdlePoll)
                : _options.MaxBatchWait - _time.GetElapsedTime(firstTimestamp) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
            ConsumeResult<string, byte[]>? record;
            try
            {
                record = consumer.Consume(wait);
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                _logger.LogWarning("{Service}: consume error {Code}: {Reason}", ServiceName, e.Error.Code, e.Error.Reason);
                return batch;
            }

            if (record is null || record.IsPartitionEOF)
            {
                if (firstTimestamp == 0 || wait == TimeSpan.Zero) return batch;
                continue;
            }

            batch.Add(record);
            if (firstTimestamp == 0) firstTimestamp = _time.GetTimestamp();
        }

        return batch;
    }

    private async Task ProcessBatchAsync(IProducer<string, byte[]> producer, List<ConsumeResult<string, byte[]>> batch)
    {
        var clock = Stopwatch.StartNew();
        StreamMetrics.BatchSize.WithLabels(ServiceName).Observe(batch.Count);
        StreamMetrics.InFlight.WithLabels(ServiceName).Set(batch.Count);
        var deliveries = new List<Task>();
        foreach (var record in batch) deliveries.AddRange(Handle(producer, record, isNew: true));
        StreamMetrics.StageDuration.WithLabels(ServiceName, "step").Observe(clock.Elapsed.TotalSeconds);

        var produceClock = Stopwatch.StartNew();
        await Task.WhenAll(deliveries);
        StreamMetrics.StageDuration.WithLabels(ServiceName, "produce").Observe(produceClock.Elapsed.TotalSeconds);
        var acknowledgedUtc = _time.GetUtcNow();
        foreach (var record in batch)
        {
            StreamMetrics.RecordLatency.WithLabels(ServiceName).Observe(Math.Max(0, (acknowledgedUtc - record.Message.Timestamp.UtcDateTime).TotalSeconds));
        }

        UpdateClusterGauges();
        StreamMetrics.InFlight.WithLabels(ServiceName).Set(0);
        StreamMetrics.StageDuration.WithLabels(ServiceName, "batch").Observe(clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Decodes and ingests one record. A new bad record is dead-lettered (the returned task completes when the broker
    /// acknowledged it); a replayed one was dead-lettered by the run that committed past it.
    /// </summary>
    private IEnumerable<Task> Handle(IProducer<string, byte[]> producer, ConsumeResult<string, byte[]> record, bool isNew)
    {
        _next[record.TopicPartition] = record.Offset.Value + 1;
        if (isNew)
        {
            Interlocked.Increment(ref _consumed);
            StreamMetrics.Consumed.WithLabels(ServiceName, record.Topic).Inc();
        }

        Posterior posterior;
        try
        {
            posterior = _inputCodec.Decode(record.Message.Value ?? []);
        }
        catch (RecordValidationException e)
        {
            return isNew ? [DeadLetterAsync(producer, record, e.Reason.ToLabel(), e.Message, "decode", e.GetType().FullName!)] : [];
        }

        CheckCalibrationModel(posterior);
        IngestResult result;
        try
        {
            result = Accumulator.Ingest(PosteriorMapping.Map(posterior));
        }
        catch (RecordValidationException e)
        {
            return isNew ? [DeadLetterAsync(producer, record, e.Reason.ToLabel(), e.Message, "step", e.GetType().FullName!)] : [];
        }

        Interlocked.Increment(ref _ingested);
        if (!isNew) return [];
        switch (result.Outcome)
        {
            case IngestOutcome.Invalid:
                return [DeadLetterAsync(producer, record, ValidationReason.Unprocessable.ToLabel(), result.Reason ?? "invalid posterior", "step", "")];
            case IngestOutcome.UnknownSurvey:
                StreamMetrics.Skipped.WithLabels(ServiceName, "unknown-survey").Inc();
                break;
            case IngestOutcome.IgnoredAsOlder:
                StreamMetrics.Skipped.WithLabels(ServiceName, "older-than-stored").Inc();
                break;
        }

        _cadence.Count(1);
        return [];
    }

    /// <summary>
    /// A posterior from another model than the survey's calibration is only known at runtime: the forward model then
    /// describes another CNN. Warn (once per survey and model card) and count it; it is still counted in the abundance.
    /// </summary>
    private void CheckCalibrationModel(Posterior posterior)
    {
        if (!_calibrations.TryGetValue(posterior.Survey, out SelectionCalibration? calibration) || calibration.ModelMismatch(posterior) is not { } mismatch) return;
        Interlocked.Increment(ref _calibrationModelMismatches);
        MassFunctionMetrics.CalibrationModelMismatches.WithLabels(ServiceName, posterior.Survey).Inc();
        if (_mismatchesLogged.Add((posterior.Survey, posterior.ModelCardSha256)))
        {
            _logger.LogWarning("{Service}: survey {Survey}: {Mismatch} (further ones counted in {Metric})",
                ServiceName, posterior.Survey, mismatch, "streamprocessor_massfunction_calibration_model_mismatch_total");
        }
    }

    private async Task DeadLetterAsync(IProducer<string, byte[]> producer, ConsumeResult<string, byte[]> record, string reason, string message, string stage, string exceptionType)
    {
        _ = await producer.ProduceAsync(_dlqTopic, DeadLetterMessages.From(record, reason, message, stage, exceptionType));
        Interlocked.Increment(ref _deadLettered);
        StreamMetrics.DeadLettered.WithLabels(ServiceName, Topics.MassPosteriors, reason).Inc();
        _logger.LogWarning("{Service}: dead-lettered {Partition}/{Offset} ({Stage}, {Reason}): {Message}",
            ServiceName, record.Partition.Value, record.Offset.Value, stage, reason, message);
    }

    /// <summary>One update per redshift bin for every survey whose state changed since its last update.</summary>
    private async Task PublishAsync(IProducer<string, byte[]> producer)
    {
        foreach (string survey in Accumulator.Surveys)
        {
            long revision = Accumulator.Counters(survey).Revision;
            if (revision == _publishedRevision.GetValueOrDefault(survey)) continue;

            var clock = Stopwatch.StartNew();
            MassFunctionSnapshot snapshot = Accumulator.Snapshot(survey);
            IReadOnlyList<MassFunctionUpdate> updates = MassFunctionUpdates.FromSnapshot(snapshot, _sequences.Next, _surveys[survey].TrueParameters(), CodeVersion.Current);
            double seconds = clock.Elapsed.TotalSeconds;
            MassFunctionMetrics.UpdateDuration.WithLabels(ServiceName, survey).Observe(seconds);
            if (double.IsNaN(Volatile.Read(ref _firstUpdateSeconds))) Volatile.Write(ref _firstUpdateSeconds, seconds);
            Volatile.Write(ref _lastUpdateSeconds, seconds);
            Volatile.Write(ref _totalUpdateSeconds, _totalUpdateSeconds + seconds);

            await Task.WhenAll(updates.Select(u => producer.ProduceAsync(Topics.MassFunction, ToMessage(u))));
            foreach (MassFunctionUpdate _ in updates)
            {
                StreamMetrics.Produced.WithLabels(ServiceName, Topics.MassFunction).Inc();
                MassFunctionMetrics.Updates.WithLabels(ServiceName, survey).Inc();
            }

            Interlocked.Add(ref _updatesPublished, updates.Count);
            _publishedRevision[survey] = snapshot.Counters.Revision;
            _logger.LogInformation("{Service}: {Survey} update: {Clusters} clusters, {Count} series in {Seconds:F3} s",
                ServiceName, survey, snapshot.Counters.ClustersAccepted, updates.Count, seconds);
        }

        _cadence.Reset();
    }

    private Message<string, byte[]> ToMessage(MassFunctionUpdate update) => OutputMessages.From(_outputCodec, update);

    /// <summary>Commits, for every assigned partition, the offset after the last record in the state.</summary>
    private void Commit(IConsumer<string, byte[]> consumer)
    {
        var offsets = _assigned
            .Where(p => _next.TryGetValue(p, out long next) && next != _committed.GetValueOrDefault(p, -1))
            .Select(p => new TopicPartitionOffset(p, new Offset(_next[p])))
            .ToList();
        if (offsets.Count == 0) return;
        try
        {
            consumer.Commit(offsets);
            foreach (TopicPartitionOffset o in offsets) _committed[o.TopicPartition] = o.Offset.Value;
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            // Tried again after the next batch; a restart before then re-reads these records as new (idempotent).
            _logger.LogWarning("{Service}: commit of {Count} partitions failed: {Reason}", ServiceName, offsets.Count, e.Error.Reason);
        }
    }

    /// <summary>Starts each partition where the state ends (not at the committed offset): the rebuild already has the rest.</summary>
    private IEnumerable<TopicPartitionOffset> OnAssigned(List<TopicPartition> partitions)
    {
        foreach (TopicPartition p in partitions) _assigned.Add(p);
        StreamMetrics.AssignedPartitions.WithLabels(ServiceName).Set(_assigned.Count);
        _logger.LogInformation("{Service}: assigned {Partitions}", ServiceName, string.Join(",", partitions.Select(p => p.Partition.Value)));
        return partitions.Select(p => new TopicPartitionOffset(p, _next.TryGetValue(p, out long next) ? new Offset(next) : Offset.Unset));
    }

    private void OnRevoked(List<TopicPartition> partitions)
    {
        foreach (TopicPartition p in partitions)
        {
            _assigned.Remove(p);
            StreamMetrics.ConsumerLag.RemoveLabelled(ServiceName, p.Topic, p.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        StreamMetrics.AssignedPartitions.WithLabels(ServiceName).Set(_assigned.Count);
        _logger.LogInformation("{Service}: revoked {Partitions}", ServiceName, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    private void UpdateLag(IConsumer<string, byte[]> consumer)
    {
        foreach (TopicPartition partition in _assigned)
        {
            // Cached watermarks from fetch responses: no broker round trip on the hot path.
            WatermarkOffsets watermarks = consumer.GetWatermarkOffsets(partition);
            if (watermarks.High == Offset.Unset || !_next.TryGetValue(partition, out long next)) continue;
            StreamMetrics.ConsumerLag.WithLabels(ServiceName, partition.Topic, partition.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set(Math.Max(0, watermarks.High.Value - next));
        }
    }

    private void UpdateClusterGauges()
    {
        foreach (string survey in Accumulator.Surveys)
        {
            MassFunctionMetrics.Clusters.WithLabels(ServiceName, survey).Set(Accumulator.Counters(survey).ClustersAccepted);
        }
    }

    /// <summary>
    /// A bounded replay reader: end of partition reported (the replay stops there, not at "offset = end − 1", since a
    /// partition may end in offsets never delivered), and fetches not held open for 500 ms (librdkafka's default
    /// fetch.wait.max.ms), which would only delay the EOF of every partition.
    /// </summary>
    private static void ReplayReader(ConsumerConfig config)
    {
        config.EnablePartitionEof = true;
        config.FetchWaitMaxMs = 10;
    }

    private static List<TopicPartition> Partitions(IProducer<string, byte[]> producer, string topic)
    {
        // An admin client on the producer's connections: no new connection to the cluster just for metadata.
        using IAdminClient admin = new DependentAdminClientBuilder(producer.Handle).Build();
        Metadata metadata = admin.GetMetadata(topic, MetadataTimeout);
        TopicMetadata? found = metadata.Topics.FirstOrDefault(t => t.Topic == topic);
        if (found is null || found.Error.IsError || found.Partitions.Count == 0)
        {
            throw new InvalidOperationException($"topic '{topic}' has no partitions ({found?.Error.Reason ?? "not in metadata"})");
        }

        return [.. found.Partitions.Select(p => new TopicPartition(topic, new Partition(p.PartitionId))).OrderBy(p => p.Partition.Value)];
    }
}
