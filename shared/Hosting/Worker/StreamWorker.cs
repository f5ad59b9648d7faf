using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using StreamProcessor.Contracts;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.Kafka;

namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// consume → decode/validate → step → encode → produce → store offsets, for one service.
/// At-least-once: an input offset is stored only after every output (or its dead letter) is acknowledged by
/// the broker; outputs are keyed by object id so downstream deduplicates. Bad input is dead-lettered with
/// reason/stage/source headers and the loop goes on; broken infrastructure escapes and stops the host.
/// A consume cycle holds up to <see cref="StreamWorkerOptions.BatchesPerCycle"/> batches, pipelined: batch k+1 is
/// decoded and stepped while batch k waits for its acknowledgements, and batch k is committed before batch k+1 is
/// published, so at most one batch is ever published but uncommitted, as without the overlap.
/// A step that holds inputs (<see cref="IHoldingStep{TOut}"/>, e.g. a join waiting for the other maps of an object) caps
/// every commit at the lowest offset it still holds in that partition, and its expired outputs are published from the loop.
/// </summary>
public sealed class StreamWorker<TIn, TOut> : BackgroundService
{
    private readonly StreamWorkerDefinition _definition;
    private readonly StreamWorkerOptions _options;
    private readonly IMessageCodec<TIn> _inputCodec;
    private readonly IMessageCodec<TOut> _outputCodec;
    private readonly IStreamStep<TIn, TOut> _step;
    private readonly IHoldingStep<TOut>? _holding;
    private readonly KafkaClientFactory _kafka;
    private readonly WorkerHealth _health;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _stepRetry;
    private readonly ResiliencePipeline _produceRetry;
    private readonly string _dlqTopic;

    // Records consumed but not yet processed; touched only by the loop thread and the rebalance callbacks,
    // which librdkafka invokes from inside Consume() on that same thread.
    private readonly List<ConsumeResult<string, byte[]>> _pending = [];
    private readonly HashSet<TopicPartition> _assigned = [];

    // Holding steps only: per partition, the offset after the last record whose outputs were acknowledged (what a
    // commit after a release may advance to, capped at the lowest offset the step still holds).
    private readonly Dictionary<TopicPartition, long> _processedUpTo = [];

    // Set when the broker says the group is rebalancing: no batch is published until the revoke/assign arrives,
    // so a partition's next owner never re-publishes what this replica published (no duplicates on rebalance).
    private bool _rebalancing;

    public StreamWorker(
        StreamWorkerDefinition definition,
        StreamWorkerOptions options,
        IMessageCodec<TIn> inputCodec,
        IMessageCodec<TOut> outputCodec,
        IStreamStep<TIn, TOut> step,
        KafkaClientFactory kafka,
        WorkerHealth health,
        ILogger<StreamWorker<TIn, TOut>> logger,
        TimeProvider? time = null)
    {
        _definition = definition;
        _options = options;
        _inputCodec = inputCodec;
        _outputCodec = outputCodec;
        _step = step;
        _holding = step as IHoldingStep<TOut>;
        _kafka = kafka;
        _health = health;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _dlqTopic = Topics.DeadLetter(definition.InputTopic);
        _stepRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.StepRetries),
                Delay = TimeSpan.FromMilliseconds(50),
                BackoffType = DelayBackoffType.Exponential,
                // Bad input is not transient: never retried.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not RecordValidationException and not OperationCanceledException),
                OnRetry = _ => { StreamMetrics.StepRetries.WithLabels(Service).Inc(); return ValueTask.CompletedTask; },
            })
            .Build();
        _produceRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, options.ProduceRetries),
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<ProduceException<string, byte[]>>(e => !e.Error.IsFatal),
                OnRetry = args => { _logger.LogWarning(args.Outcome.Exception, "{Service}: produce failed, retrying", Service); return ValueTask.CompletedTask; },
            })
            .Build();
        _health.Register(Service);
    }

    private string Service => _definition.ServiceName;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The consume loop blocks in librdkafka: keep it off the host's thread.
        return Task.Factory.StartNew(() => RunAsync(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        // ...and, since it blocks pool threads after its first await, keep the pool from starving while it runs.
        using var poolThreads = ThreadPoolReserve.ForBlockingLoop();
        // A batch's outputs are produced together and then awaited: lingering only delays the acknowledgements.
        // (Kafka:Settings:linger.ms and compression.type still win.)
        using var producer = _kafka.CreateProducer($"producer-{Service}", c =>
        {
            c.LingerMs = 0;
            c.CompressionType = TopicCatalog.CompressionFor(_definition.OutputTopic);
        });
        using var consumer = _kafka.CreateConsumerBuilder(_options.GroupId ?? Service)
            .SetPartitionsAssignedHandler((_, partitions) => OnAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions.Select(p => p.TopicPartition).ToList()))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions.Select(p => p.TopicPartition).ToList()))
            .SetErrorHandler((_, error) => _logger.Log(error.IsFatal ? LogLevel.Critical : LogLevel.Warning, "{Service}: Kafka {Code}: {Reason}", Service, error.Code, error.Reason))
            .Build();
        consumer.Subscribe(_definition.InputTopic);
        _logger.LogInformation("{Service}: consuming {Input} → {Output} (dead letters → {Dlq}), group {Group}",
            Service, _definition.InputTopic, _definition.OutputTopic, _dlqTopic, _options.GroupId ?? Service);
        _health.MarkRunning(Service);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                CollectBatch(consumer, stoppingToken);
                _health.Beat(Service);
                if (_holding is not null && !_rebalancing) await ReleaseDueAsync(consumer, producer);
                if (_pending.Count == 0)
                {
                    UpdateLag(consumer);
                    continue;
                }

                if (_rebalancing) continue; // hold the batch; the revoke callback drops it

                var cycle = _pending.ToList();
                _pending.Clear();
                // Once collected, a cycle is finished even during shutdown: outputs flushed, offsets stored.
                await ProcessCycleAsync(consumer, producer, cycle);
                UpdateLag(consumer);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _health.MarkFailed(Service, e);
            _logger.LogCritical(e, "{Service}: worker failed; stopping so the orchestrator restarts it", Service);
            Environment.ExitCode = 1;
            throw;
        }
        finally
        {
            Shutdown(consumer, producer);
        }
    }

    private void CollectBatch(IConsumer<string, byte[]> consumer, CancellationToken stoppingToken)
    {
        long deadline = 0;
        int capacity = _options.MaxBatchSize * _options.BatchesPerCycle;
        while (_pending.Count < capacity && !stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait = deadline == 0
                ? TimeSpan.FromMilliseconds(200)
                : _time.GetElapsedTime(deadline) is var elapsed && elapsed < _options.MaxBatchWait ? _options.MaxBatchWait - elapsed : TimeSpan.Zero;
            ConsumeResult<string, byte[]>? record;
            try
            {
                record = consumer.Consume(wait);
            }
            catch (ConsumeException e) when (!e.Error.IsFatal)
            {
                _logger.LogWarning("{Service}: consume error {Code}: {Reason}", Service, e.Error.Code, e.Error.Reason);
                return;
            }

            if (record is null || record.IsPartitionEOF)
            {
                if (deadline == 0 || wait == TimeSpan.Zero) return;
                continue;
            }

            _pending.Add(record);
            StreamMetrics.Consumed.WithLabels(Service, record.Topic).Inc();
            StreamMetrics.InFlight.WithLabels(Service).Set(_pending.Count);
            if (deadline == 0) deadline = _time.GetTimestamp();
        }
    }

    /// <summary>
    /// The cycle's records in batches of <see cref="StreamWorkerOptions.MaxBatchSize"/>. Before a batch is published
    /// the group must be stable: the previous batch's final commit, or for the first batch a fence that re-commits
    /// its start offsets (already committed, so harmless), must succeed. If the group is rebalancing the commit is
    /// refused and the rest of the cycle is left unpublished: the partitions' next owner processes it once.
    /// </summary>
    private async Task ProcessCycleAsync(IConsumer<string, byte[]> consumer, IProducer<string, byte[]> producer, List<ConsumeResult<string, byte[]>> cycle)
    {
        InFlightBatch? previous = null;
        for (int start = 0; start < cycle.Count; start += _options.MaxBatchSize)
        {
            var batch = cycle.GetRange(start, Math.Min(_options.MaxBatchSize, cycle.Count - start));
            var batchClock = Stopwatch.StartNew();
            // A holding step's state before and after this batch: the fence may not commit past what the step held
            // before (this batch may release it in outputs not yet published); the batch's own commit, made once its
            // outputs are acknowledged, may not pass what it holds after.
            var heldBefore = HeldOffsets();
            var outcomes = await ComputeAsync(batch);
            var heldAfter = HeldOffsets();

            bool stable = previous is null ? TryCommit(consumer, batch, first: true, heldBefore) : await FinishAsync(consumer, previous);
            previous = null;
            if (!stable)
            {
                _rebalancing = true;
                _logger.LogInformation("{Service}: group is rebalancing; {Count} records left to the next owner", Service, cycle.Count - start);
                StreamMetrics.InFlight.WithLabels(Service).Set(0);
                return;
            }

            // Produced now, acknowledged while the next batch is computed.
            previous = new InFlightBatch(batch, PublishAsync(producer, batch, outcomes), batchClock, heldAfter);
        }

        if (previous is not null && !await FinishAsync(consumer, previous)) _rebalancing = true;
        StreamMetrics.InFlight.WithLabels(Service).Set(0);
    }

    /// <summary>Decode and validate (bad bytes become dead letters here), then the step.</summary>
    private async Task<Outcome[]> ComputeAsync(List<ConsumeResult<string, byte[]>> batch)
    {
        StreamMetrics.BatchSize.WithLabels(Service).Observe(batch.Count);
        var consumedUtc = _time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var outcomes = new Outcome[batch.Count];
        var inputs = new StreamInput<TIn>?[batch.Count];
        for (int i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            try
            {
                var message = _inputCodec.Decode(record.Message.Value ?? []);
                var source = new SourcePosition(record.Topic, record.Partition.Value, record.Offset.Value);
                inputs[i] = new StreamInput<TIn>(message, record.Message.Key ?? "", source, record.Message.Timestamp.UtcDateTime, consumedUtc);
            }
            catch (RecordValidationException e)
            {
                outcomes[i] = Outcome.Dead(e.Reason.ToLabel(), e.Message, "decode", e.GetType().FullName!);
            }
        }

        var decoded = Enumerable.Range(0, batch.Count).Where(i => inputs[i] is not null).Select(i => (Index: i, Input: inputs[i]!)).ToList();
        StreamMetrics.StageDuration.WithLabels(Service, "decode").Observe(clock.Elapsed.TotalSeconds);

        // The step, retried for transient failures; a batch that keeps failing is split to isolate the poison record.
        clock.Restart();
        if (decoded.Count > 0)
        {
            await RunStepAsync(decoded, outcomes, CancellationToken.None);
        }

        StreamMetrics.StageDuration.WithLabels(Service, "step").Observe(clock.Elapsed.TotalSeconds);
        return outcomes;
    }

    /// <summary>Produces every output and dead letter of the batch and completes when the broker acknowledged them all.</summary>
    private async Task PublishAsync(IProducer<string, byte[]> producer, List<ConsumeResult<string, byte[]>> batch, Outcome[] outcomes)
    {
        var clock = Stopwatch.StartNew();
        await _produceRetry.ExecuteAsync(async token => await ProduceAllAsync(producer, batch, outcomes, token), CancellationToken.None);
        StreamMetrics.StageDuration.WithLabels(Service, "produce").Observe(clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Waits for the batch's acknowledgements, then commits its input offsets synchronously: a crash, a SIGTERM or a
    /// rebalance after this re-delivers nothing of the batch, and before it at most this batch. False when the
    /// commit was refused (the group is rebalancing).
    /// </summary>
    private async Task<bool> FinishAsync(IConsumer<string, byte[]> consumer, InFlightBatch inFlight)
    {
        await inFlight.Publishing;
        var acknowledgedUtc = _time.GetUtcNow();
        foreach (var record in inFlight.Batch)
        {
            StreamMetrics.RecordLatency.WithLabels(Service).Observe(Math.Max(0, (acknowledgedUtc - record.Message.Timestamp.UtcDateTime).TotalSeconds));
        }

        bool committed = TryCommit(consumer, inFlight.Batch, first: false, inFlight.Held);
        if (_holding is not null)
        {
            foreach (var g in inFlight.Batch.GroupBy(r => r.TopicPartition)) _processedUpTo[g.Key] = g.Max(r => r.Offset.Value) + 1;
        }

        StreamMetrics.StageDuration.WithLabels(Service, "batch").Observe(inFlight.Clock.Elapsed.TotalSeconds);
        return committed;
    }

    private async Task RunStepAsync(List<(int Index, StreamInput<TIn> Input)> decoded, Outcome[] outcomes, CancellationToken cancellationToken)
    {
        try
        {
            var inputs = decoded.Select(d => d.Input).ToList();
            var results = await _stepRetry.ExecuteAsync(async token => await _step.ProcessAsync(inputs, token), cancellationToken);
            if (results.Count != inputs.Count)
            {
                throw new InvalidOperationException($"step returned {results.Count} results for {inputs.Count} inputs");
            }

            for (int j = 0; j < decoded.Count; j++) outcomes[decoded[j].Index] = Outcome.From(results[j]);
        }
        catch (Exception e) when (decoded.Count > 1 && e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "{Service}: step failed on a batch of {Count}; isolating records", Service, decoded.Count);
            foreach (var one in decoded) await RunStepAsync([one], outcomes, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e is RecordValidationException validation ? validation.Reason.ToLabel() : "processing-error";
            outcomes[decoded[0].Index] = Outcome.Dead(reason, e.Message, "step", e.GetType().FullName!);
        }
    }

    private async Task ProduceAllAsync(IProducer<string, byte[]> producer, List<ConsumeResult<string, byte[]>> batch, Outcome[] outcomes, CancellationToken cancellationToken)
    {
        // Encode every output first. Encoding validates: an invalid output is dead-lettered (stage "encode")
        // instead of being published or stopping the worker.
        var encoded = new Message<string, byte[]>[batch.Count][];
        for (int i = 0; i < batch.Count; i++)
        {
            if (outcomes[i] is not { Delivered: false, Result: StepResult<TOut>.Emitted emitted }) continue;
            try
            {
                encoded[i] = emitted.Outputs.Select(ToMessage).ToArray();
            }
            catch (RecordValidationException e)
            {
                outcomes[i] = Outcome.Dead(e.Reason.ToLabel(), $"output: {e.Message}", "encode", e.GetType().FullName!);
            }
        }

        var deliveries = new List<(int Index, string Topic, Message<string, byte[]> Message, string? DeadLetterReason)>();
        for (int i = 0; i < batch.Count; i++)
        {
            var outcome = outcomes[i];
            if (outcome.Delivered) continue; // acknowledged on an earlier attempt of this batch
            switch (outcome.Result)
            {
                case StepResult<TOut>.Emitted:
                    deliveries.AddRange(encoded[i].Select(message => (i, _definition.OutputTopic, message, (string?)null)));
                    break;
                case StepResult<TOut>.Skipped skipped:
                    StreamMetrics.Skipped.WithLabels(Service, skipped.Reason).Inc();
                    outcomes[i] = outcome with { Delivered = true };
                    break;
                case StepResult<TOut>.Held:
                    // Nothing to publish now; commits stay below it until the step releases it (IHoldingStep).
                    outcomes[i] = outcome with { Delivered = true };
                    break;
                case StepResult<TOut>.DeadLettered dead:
                    deliveries.Add((i, _dlqTopic, DeadLetterMessages.From(batch[i], dead.Reason, dead.Message, outcome.Stage, outcome.ExceptionType), dead.Reason));
                    break;
            }
        }

        var reports = new BatchDeliveries(deliveries.Count);
        for (int slot = 0; slot < deliveries.Count; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Produce(producer, slot, deliveries[slot].Topic, deliveries[slot].Message);
        }

        await reports.Completed;

        // Per record: acknowledged ones are marked delivered and not produced again if the batch is retried.
        ProduceException<string, byte[]>? firstFailure = null;
        foreach (var group in deliveries.Select((d, slot) => (d.Index, d.Topic, d.DeadLetterReason, Failure: reports.FailureOf(slot))).GroupBy(d => d.Index))
        {
            if (group.FirstOrDefault(d => d.Failure is not null).Failure is { } failure)
            {
                firstFailure ??= failure;
                continue;
            }

            outcomes[group.Key] = outcomes[group.Key] with { Delivered = true };
            foreach (var d in group)
            {
                if (d.DeadLetterReason is null) StreamMetrics.Produced.WithLabels(Service, d.Topic).Inc();
                else StreamMetrics.DeadLettered.WithLabels(Service, _definition.InputTopic, d.DeadLetterReason).Inc();
            }
        }

        if (firstFailure is not null) throw firstFailure;
    }

    private Message<string, byte[]> ToMessage(TOut output) => OutputMessages.From(_outputCodec, output);

    /// <summary>
    /// Commits, per partition of the batch, either its first offset (<paramref name="first"/>: a fence that only
    /// checks the group is stable) or the offset after its last record, never past the lowest offset a holding step
    /// still holds in that partition (<paramref name="held"/>). False when the group is rebalancing.
    /// </summary>
    private bool TryCommit(IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch, bool first, IReadOnlyDictionary<InputPartition, long>? held)
    {
        var offsets = batch
            .GroupBy(r => r.TopicPartition)
            .Where(g => _assigned.Contains(g.Key))
            .Select(g => new TopicPartitionOffset(g.Key, new Offset(Capped(g.Key, first ? g.Min(r => r.Offset.Value) : g.Max(r => r.Offset.Value) + 1, held))))
            .ToList();
        return TryCommit(consumer, offsets, first);
    }

    private bool TryCommit(IConsumer<string, byte[]> consumer, List<TopicPartitionOffset> offsets, bool first)
    {
        if (offsets.Count == 0) return !first;
        var clock = Stopwatch.StartNew();
        try
        {
            consumer.Commit(offsets);
            StreamMetrics.StageDuration.WithLabels(Service, "commit").Observe(clock.Elapsed.TotalSeconds);
            return true;
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            // After the outputs were published this means the partition's next owner may re-process the batch;
            // outputs are keyed by object id and identical, so downstream deduplicates.
            _logger.LogWarning("{Service}: commit of {Count} partitions failed: {Reason}", Service, offsets.Count, e.Error.Reason);
            return false;
        }
    }

    private static long Capped(TopicPartition partition, long offset, IReadOnlyDictionary<InputPartition, long>? held) =>
        held is not null && held.TryGetValue(new InputPartition(partition.Topic, partition.Partition.Value), out long lowest) ? Math.Min(offset, lowest) : offset;

    private IReadOnlyDictionary<InputPartition, long>? HeldOffsets() =>
        _holding is null ? null : new Dictionary<InputPartition, long>(_holding.LowestHeldOffsets());

    /// <summary>
    /// Publishes the outputs a holding step releases because their wait ran out, then commits what they released. Runs
    /// between cycles, so every batch before it is acknowledged and committed. The fence first checks the group is
    /// stable (committing only what was already safe); if it is rebalancing the released outputs are not published, and the
    /// partitions' next owner (after the revoke, this replica again under the eager protocol) re-reads the inputs.
    /// </summary>
    private async Task ReleaseDueAsync(IConsumer<string, byte[]> consumer, IProducer<string, byte[]> producer)
    {
        var heldBefore = HeldOffsets();
        var released = _holding!.ReleaseDue(_time.GetUtcNow());
        if (released.Count == 0) return;
        var fence = SafeOffsets(heldBefore);
        if (fence.Count > 0 && !TryCommit(consumer, fence, first: true))
        {
            _rebalancing = true;
            _logger.LogInformation("{Service}: group is rebalancing; {Count} released outputs left to the next owner", Service, released.Count);
            return;
        }

        var messages = new List<Message<string, byte[]>>();
        foreach (var output in released)
        {
            try
            {
                messages.Add(ToMessage(output));
            }
            catch (RecordValidationException e)
            {
                // A step's own output that its codec refuses is a bug in the step; its inputs were released, so say so loudly.
                _logger.LogError("{Service}: a released output fails its schema and is not published: {Reason}", Service, e.Message);
                StreamMetrics.Skipped.WithLabels(Service, "released-output-invalid").Inc();
            }
        }

        var clock = Stopwatch.StartNew();
        await _produceRetry.ExecuteAsync(async token =>
        {
            var reports = new BatchDeliveries(messages.Count);
            for (int slot = 0; slot < messages.Count; slot++) reports.Produce(producer, slot, _definition.OutputTopic, messages[slot]);
            await reports.Completed;
            if (Enumerable.Range(0, messages.Count).Select(reports.FailureOf).FirstOrDefault(f => f is not null) is { } failure) throw failure;
        }, CancellationToken.None);
        StreamMetrics.Produced.WithLabels(Service, _definition.OutputTopic).Inc(messages.Count);
        StreamMetrics.StageDuration.WithLabels(Service, "release").Observe(clock.Elapsed.TotalSeconds);
        if (!TryCommit(consumer, SafeOffsets(HeldOffsets()), first: false)) _rebalancing = true;
    }

    /// <summary>Per assigned partition with acknowledged records, the offset after them capped at what the step still holds.</summary>
    private List<TopicPartitionOffset> SafeOffsets(IReadOnlyDictionary<InputPartition, long>? held) =>
        _processedUpTo
            .Where(p => _assigned.Contains(p.Key))
            .Select(p => new TopicPartitionOffset(p.Key, new Offset(Capped(p.Key, p.Value, held))))
            .ToList();

    private void OnAssigned(List<TopicPartition> partitions)
    {
        foreach (var p in partitions) _assigned.Add(p);
        _rebalancing = false;
        StreamMetrics.AssignedPartitions.WithLabels(Service).Set(_assigned.Count);
        _logger.LogInformation("{Service}: assigned {Partitions}", Service, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    private void OnRevoked(List<TopicPartition> partitions)
    {
        // Nothing of a pending (unprocessed) record has been produced: drop it so the new owner processes it once.
        // Processed batches were committed when they finished, so there is nothing to commit here; pending
        // records were never published and are re-read by the partition's next owner.
        _pending.RemoveAll(r => partitions.Contains(r.TopicPartition));
        _rebalancing = false;
        Forget(partitions);
        _logger.LogInformation("{Service}: revoked {Partitions}", Service, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    private void OnLost(List<TopicPartition> partitions)
    {
        _pending.RemoveAll(r => partitions.Contains(r.TopicPartition));
        Forget(partitions);
        _logger.LogWarning("{Service}: lost {Partitions}", Service, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    private void Forget(List<TopicPartition> partitions)
    {
        // A holding step drops what it holds from these partitions: nothing past it was committed, so the next owner re-reads it.
        _holding?.Forget(partitions.Select(p => new InputPartition(p.Topic, p.Partition.Value)).ToList());
        foreach (var p in partitions)
        {
            _assigned.Remove(p);
            _processedUpTo.Remove(p);
            StreamMetrics.ConsumerLag.RemoveLabelled(Service, p.Topic, p.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        StreamMetrics.AssignedPartitions.WithLabels(Service).Set(_assigned.Count);
    }

    private void UpdateLag(IConsumer<string, byte[]> consumer)
    {
        foreach (var partition in _assigned)
        {
            // Cached watermarks from fetch responses: no broker round trip on the hot path.
            var watermarks = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            if (watermarks.High == Offset.Unset || position == Offset.Unset) continue;
            StreamMetrics.ConsumerLag.WithLabels(Service, partition.Topic, partition.Partition.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Set(Math.Max(0, watermarks.High.Value - position.Value));
        }
    }

    private void Shutdown(IConsumer<string, byte[]> consumer, IProducer<string, byte[]> producer)
    {
        // Every finished batch is already committed; unprocessed records, and inputs a holding step still holds, stay
        // uncommitted and are re-read on restart.
        producer.Flush(TimeSpan.FromSeconds(30));
        consumer.Close();
        _health.MarkStopped(Service);
        _logger.LogInformation("{Service}: stopped; outputs flushed and offsets committed", Service);
    }

    /// <summary>A batch whose outputs are being produced; <c>Held</c> is a holding step's lowest held offsets once the batch was stepped (null for other steps).</summary>
    private sealed record InFlightBatch(List<ConsumeResult<string, byte[]>> Batch, Task Publishing, Stopwatch Clock, IReadOnlyDictionary<InputPartition, long>? Held);

    private readonly record struct Outcome(StepResult<TOut>? Result, string Stage, string ExceptionType, bool Delivered)
    {
        public static Outcome From(StepResult<TOut> result) => new(result, "step", "", false);

        public static Outcome Dead(string reason, string message, string stage, string exceptionType) =>
            new(StepResult<TOut>.DeadLetter(reason, message), stage, exceptionType, false);
    }
}
