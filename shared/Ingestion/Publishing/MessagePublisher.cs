using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;

namespace StreamProcessor.Ingestion.Publishing;

/// <summary>
/// Produces messages of one schema to a topic, keyed by object id (the default partitioner hashes keys, so objects
/// spread over the partitions and a re-run overwrites rather than duplicates), with the schema, schema-version and
/// content-type headers. At most <see cref="CataloguePublisherOptions.MaxInFlight"/> records wait for an
/// acknowledgement; the call returns when every record is acknowledged or failed. The producer belongs to the caller
/// (use <c>KafkaClientFactory.CreateProducer</c>: idempotent, acks=all). <see cref="CataloguePublisher"/> is the
/// catalogue one; `ingest profiles` publishes stacked profiles with a <c>MessagePublisher&lt;StackedProfile&gt;</c>.
/// </summary>
public class MessagePublisher<T>
    where T : class
{
    private readonly IProducer<string, byte[]> _producer;
    private readonly CataloguePublisherOptions _options;
    private readonly ArrowMessageCodec<T> _codec;
    private readonly string _defaultTopic;
    private readonly byte[] _schemaName;
    private readonly byte[] _schemaVersion;
    private readonly byte[] _contentType;
    private readonly Action<string, DateTime>? _acknowledged;

    /// <param name="producer">The caller's producer.</param>
    /// <param name="codec">The schema's codec (with its caps): every message is validated by it before it is produced.</param>
    /// <param name="defaultTopic">Topic of <see cref="PublishAsync"/> when the call names none.</param>
    /// <param name="options">Window and progress interval.</param>
    /// <param name="acknowledged">Called on librdkafka's delivery thread with each acknowledged record's key and its
    /// CreateTime timestamp (the log time on CreateTime topics), e.g. for end-to-end latency without re-reading the topic.</param>
    public MessagePublisher(
        IProducer<string, byte[]> producer, ArrowMessageCodec<T> codec, string defaultTopic, CataloguePublisherOptions? options = null, Action<string, DateTime>? acknowledged = null)
    {
        ArgumentNullException.ThrowIfNull(producer);
        ArgumentNullException.ThrowIfNull(codec);
        _producer = producer;
        _acknowledged = acknowledged;
        _options = (options ?? new CataloguePublisherOptions()).Validated();
        _codec = codec;
        _defaultTopic = defaultTopic;
        _schemaName = Encoding.UTF8.GetBytes(_codec.Schema.Name);
        _schemaVersion = Encoding.UTF8.GetBytes(_codec.Schema.Version);
        _contentType = Encoding.UTF8.GetBytes(_codec.Contract.ContentType);
    }

    /// <summary>
    /// Publishes <paramref name="messages"/> to <paramref name="topic"/> (the default topic when null) and waits for the
    /// broker's acknowledgements. A message the codec refuses, or whose delivery fails, is counted as failed; nothing
    /// is thrown for it.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; records already sent may still be delivered.</exception>
    public async Task<PublishResult> PublishAsync(
        IReadOnlyCollection<T> messages,
        string? topic = null,
        IProgress<PublishProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        topic ??= _defaultTopic;
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var state = new State(messages.Count, _options, _acknowledged);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;

        foreach (var message in messages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] value;
            string key = _codec.KeyOf(message);
            try
            {
                value = _codec.Encode(message);
            }
            catch (RecordValidationException e)
            {
                state.Fail($"{key}: {e.Message}");
                continue;
            }

            await state.Window.WaitAsync(cancellationToken);
            state.BeginRecord();
            // Stamped here (CreateTime, the topics' timestamp type) so the acknowledged callback can report the log time:
            // delivery reports do not always carry it (the embedded broker reports a placeholder).
            var stamp = DateTime.UtcNow;
            var record = new Message<string, byte[]> { Key = key, Value = value, Headers = Headers(), Timestamp = new Timestamp(stamp) };
            if (await ProduceAsync(topic, record, report => state.OnDelivery(report, stamp), cancellationToken) is { } error)
            {
                state.EndRecord(error: $"{key}: {error}");
                continue;
            }

            state.Sent();
            if (clock.Elapsed - lastReport >= _options.ProgressInterval)
            {
                lastReport = clock.Elapsed;
                progress?.Report(state.Snapshot());
            }
        }

        state.EndProducing();
        while (!state.AllDone.IsCompleted)
        {
            await Task.WhenAny(state.AllDone, Task.Delay(_options.ProgressInterval, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(state.Snapshot());
        }

        var final = state.Snapshot();
        progress?.Report(final);
        return new PublishResult(final.Total, final.Sent, final.Acknowledged, final.Failed, [.. state.Errors]);
    }

    /// <summary>Hands the record to the producer, waiting while its local queue is full; the error text when refused outright.</summary>
    private async Task<string?> ProduceAsync(string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> onDelivery, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                _producer.Produce(topic, message, onDelivery);
                return null;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure from librdkafka's bounded queue: wait for deliveries to drain it.
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            }
            catch (ProduceException<string, byte[]> e)
            {
                return e.Error.Reason;
            }
        }
    }

    private Headers Headers() => new()
    {
        { MessageHeaders.SchemaName, _schemaName },
        { MessageHeaders.SchemaVersion, _schemaVersion },
        { MessageHeaders.ContentType, _contentType },
    };

    /// <summary>Counters shared with librdkafka's delivery thread.</summary>
    private sealed class State(long total, CataloguePublisherOptions options, Action<string, DateTime>? acknowledged)
    {
        private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _errors = new();
        private long _sent;
        private long _acknowledged;
        private long _failed;
        private int _errorCount;

        // One extra count held by the producing loop, so "all done" cannot fire before the last record is sent.
        private long _outstanding = 1;

        public SemaphoreSlim Window { get; } = new(options.MaxInFlight, options.MaxInFlight);

        public Task AllDone => _allDone.Task;

        public IEnumerable<string> Errors => _errors;

        public void BeginRecord() => Interlocked.Increment(ref _outstanding);

        public void Sent() => Interlocked.Increment(ref _sent);

        public void Fail(string error)
        {
            Interlocked.Increment(ref _failed);
            if (Interlocked.Increment(ref _errorCount) <= options.MaxErrorExamples) _errors.Enqueue(error);
        }

        public void OnDelivery(DeliveryReport<string, byte[]> report, DateTime stamp)
        {
            if (!report.Error.IsError) acknowledged?.Invoke(report.Message.Key, stamp);
            EndRecord(report.Error.IsError ? $"{report.Message.Key}: {report.Error.Reason}" : null);
        }

        public void EndRecord(string? error)
        {
            if (error is null) Interlocked.Increment(ref _acknowledged);
            else Fail(error);
            Window.Release();
            Done();
        }

        public void EndProducing() => Done();

        public PublishProgress Snapshot() =>
            new(total, Interlocked.Read(ref _sent), Interlocked.Read(ref _acknowledged), Interlocked.Read(ref _failed));

        private void Done()
        {
            if (Interlocked.Decrement(ref _outstanding) == 0) _allDone.TrySetResult();
        }
    }
}
