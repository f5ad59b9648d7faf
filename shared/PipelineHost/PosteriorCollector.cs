using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Kafka;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// Reads a posterior topic (posteriors.mass unless told another, e.g. posteriors.params for `bench profiles`) from the
/// beginning, like any downstream consumer, until every expected object id has a posterior. Duplicates are deduplicated by key. End-to-end latency needs each catalogue's log timestamp: the
/// producer reports it from its delivery reports (<see cref="CatalogueLogged"/>), so the collector does not
/// re-read the catalogues topic (that doubled the broker's and this process's work during a benchmark).
/// </summary>
/// <param name="kafka">Clients for the broker.</param>
/// <param name="onlyKeys">When given, only these cluster ids are collected; other records are skipped undecoded (a
/// benchmark phase that follows earlier phases on the same topic).</param>
/// <param name="topic">The posterior topic to read; the input records whose log times <see cref="CatalogueLogged"/>
/// takes are the catalogues of posteriors.mass, the stacked profiles of posteriors.params.</param>
public sealed class PosteriorCollector(KafkaClientFactory kafka, IReadOnlySet<string>? onlyKeys = null, string topic = Topics.MassPosteriors)
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
    public Task RunAsync(int expected, CancellationToken cancellationToken) => Task.Factory.StartNew(() =>
    {
        // Synchronous and blocking in librdkafka throughout: a thread of its own, not one of the pool's.
        using var posteriors = kafka.CreateReader("pipeline-posteriors");
        posteriors.Subscribe(topic);
        while (Count < expected && !cancellationToken.IsCancellationRequested)
        {
            if (posteriors.Consume(TimeSpan.FromMilliseconds(100)) is { } record) Add(record);
        }

        posteriors.Close();
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Records a catalogue's log timestamp (from its producer's delivery report); thread-safe.</summary>
    public void CatalogueLogged(string clusterId, DateTime logTimeUtc)
    {
        lock (_posteriors) _catalogueLogTimes.TryAdd(clusterId, logTimeUtc);
    }

    public IReadOnlyList<Posterior> Posteriors()
    {
        lock (_posteriors) return _posteriors.Values.OrderBy(p => p.ObjectId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per cluster: posterior log time − catalogue log time, in seconds (ingest to published posterior).</summary>
    public IReadOnlyList<double> EndToEndLatenciesSeconds(IReadOnlySet<string>? onlyKeys = null) =>
        LoggedLatencies(onlyKeys).Select(c => c.LatencySeconds).ToList();

    /// <summary>Per cluster: the catalogue's log time and its end-to-end latency in seconds (when each slow one was sent).</summary>
    public IReadOnlyList<(DateTime LoggedUtc, double LatencySeconds)> LoggedLatencies(IReadOnlySet<string>? onlyKeys = null)
    {
        lock (_posteriors)
        {
            return _posteriorLogTimes
                .Where(p => _catalogueLogTimes.ContainsKey(p.Key) && (onlyKeys is null || onlyKeys.Contains(p.Key)))
                .Select(p => (_catalogueLogTimes[p.Key], Math.Max(0, (p.Value - _catalogueLogTimes[p.Key]).TotalSeconds)))
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
        if (onlyKeys is not null && !onlyKeys.Contains(record.Message.Key ?? "")) return;
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
