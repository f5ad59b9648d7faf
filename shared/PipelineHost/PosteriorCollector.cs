using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Kafka;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// Reads posteriors.mass (and the catalogue log timestamps, for end-to-end latency) from the beginning, like any
/// downstream consumer, until every expected cluster id has a posterior. Duplicates are deduplicated by key.
/// </summary>
public sealed class PosteriorCollector(KafkaClientFactory kafka)
{
    private readonly Dictionary<string, Posterior> _posteriors = [];
    private readonly Dictionary<string, DateTime> _posteriorLogTimes = [];
    private readonly Dictionary<string, DateTime> _catalogueLogTimes = [];
    private readonly PosteriorCodec _codec = new();
    private int _duplicates;
    private int _undecodable;

    public int Count { get { lock (_posteriors) return _posteriors.Count; } }

    public int Duplicates => Volatile.Read(ref _duplicates);

    public int Undecodable => Volatile.Read(ref _undecodable);

    /// <summary>Consumes until <paramref name="expected"/> distinct posteriors arrived or the token is cancelled.</summary>
    public Task RunAsync(int expected, CancellationToken cancellationToken) => Task.Run(() =>
    {
        using var posteriors = kafka.CreateReader("pipeline-posteriors");
        using var catalogues = kafka.CreateReader("pipeline-catalogues");
        posteriors.Subscribe(Topics.MassPosteriors);
        catalogues.Subscribe(Topics.Catalogues);
        while (Count < expected && !cancellationToken.IsCancellationRequested)
        {
            if (catalogues.Consume(TimeSpan.FromMilliseconds(5)) is { } c)
            {
                lock (_posteriors) _catalogueLogTimes.TryAdd(c.Message.Key, c.Message.Timestamp.UtcDateTime);
            }

            if (posteriors.Consume(TimeSpan.FromMilliseconds(20)) is { } record) Add(record);
        }

        // Drain the catalogue timestamps of what has arrived (they were produced first).
        while (catalogues.Consume(TimeSpan.FromMilliseconds(200)) is { } c)
        {
            lock (_posteriors) _catalogueLogTimes.TryAdd(c.Message.Key, c.Message.Timestamp.UtcDateTime);
        }

        posteriors.Close();
        catalogues.Close();
    }, CancellationToken.None);

    public IReadOnlyList<Posterior> Posteriors()
    {
        lock (_posteriors) return _posteriors.Values.OrderBy(p => p.ObjectId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per cluster: posterior log time − catalogue log time, in seconds (ingest to published posterior).</summary>
    public IReadOnlyList<double> EndToEndLatenciesSeconds(IReadOnlySet<string>? onlyKeys = null)
    {
        lock (_posteriors)
        {
            return _posteriorLogTimes
                .Where(p => _catalogueLogTimes.ContainsKey(p.Key) && (onlyKeys is null || onlyKeys.Contains(p.Key)))
                .Select(p => Math.Max(0, (p.Value - _catalogueLogTimes[p.Key]).TotalSeconds))
                .ToList();
        }
    }

    /// <summary>First catalogue and last posterior log times (of <paramref name="onlyKeys"/> when given): the wall-clock span of the run.</summary>
    public (DateTime First, DateTime Last) Span(IReadOnlySet<string>? onlyKeys = null)
    {
        lock (_posteriors)
        {
            var catalogues = _catalogueLogTimes.Where(c => onlyKeys is null || onlyKeys.Contains(c.Key)).Select(c => c.Value).ToList();
            var posteriors = _posteriorLogTimes.Where(p => onlyKeys is null || onlyKeys.Contains(p.Key)).Select(p => p.Value).ToList();
            if (catalogues.Count == 0 || posteriors.Count == 0) return (default, default);
            return (catalogues.Min(), posteriors.Max());
        }
    }

    private void Add(ConsumeResult<string, byte[]> record)
    {
        Posterior posterior;
        try
        {
            posterior = _codec.Decode(record.Message.Value);
        }
        catch (RecordValidationException)
        {
            Interlocked.Increment(ref _undecodable);
            return;
        }

        lock (_posteriors)
        {
            if (!_posteriors.TryAdd(posterior.ObjectId, posterior))
            {
                _duplicates++;
                return;
            }

            _posteriorLogTimes[posterior.ObjectId] = record.Message.Timestamp.UtcDateTime;
        }
    }
}
