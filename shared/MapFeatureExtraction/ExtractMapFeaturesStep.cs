using Microsoft.Extensions.Options;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Hosting.Worker;
using Features = StreamProcessor.Contracts.Messages.MapFeatures;

namespace StreamProcessor.MapFeatureExtraction;

/// <summary>
/// maps → features.maps. Each map is checked (a malformed one is dead-lettered to maps.dlq with its reason), made into
/// one channel (<see cref="MapChannelBuilder"/>) and held until every field its survey profile expects has arrived for the
/// object (object_id, else map_id): then one record with the channels in the order X-ray, HI. When the wait
/// (<see cref="MapFeaturesOptions.JoinWait"/>, from the first map's arrival at this worker) runs out, the record is
/// published with what arrived and <c>MissingChannels</c> naming the rest. Held maps are never committed
/// (<see cref="IHoldingStep{TOut}"/>): after a crash, a stop or a rebalance they are re-read, and the record, keyed by
/// object id, overwrites any earlier one. A map of a kind already held for the object replaces it; a map arriving after
/// its object's record was published starts a new join. Maps of one object on different partitions (1.0 producers keyed
/// by map id) join only when one replica owns both partitions.
/// </summary>
public sealed class ExtractMapFeaturesStep : IStreamStep<SkyMap, Features>, IHoldingStep<Features>
{
    public const string ServiceName = "map-features";
    private readonly MapFeaturesOptions _options;
    private readonly MapChannelBuilder _builder;
    private readonly Dictionary<string, MapLimitsProfile> _profiles;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PendingObject> _pending = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public ExtractMapFeaturesStep(IOptions<MapFeaturesOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _builder = new MapChannelBuilder(_options, FlatLcdm.Planck18);
        _profiles = new Dictionary<string, MapLimitsProfile>(_options.Profiles, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Objects waiting for more maps.</summary>
    public int PendingObjects
    {
        get { lock (_lock) return _pending.Count; }
    }

    public Task<IReadOnlyList<StepResult<Features>>> ProcessAsync(IReadOnlyList<StreamInput<SkyMap>> batch, CancellationToken cancellationToken)
    {
        // The channels are independent and the costly part; the join below runs in input order.
        var prepared = new (MapDefect? Defect, string ProfileName, MapLimitsProfile Profile, MapChannel? Channel)[batch.Count];
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var map = batch[i].Message;
            var (name, profile) = ProfileOf(map.Survey);
            var defect = _builder.Check(map);
            bool expected = profile.ExpectedFields().Contains(map.FieldKind);
            prepared[i] = (defect, name, profile, defect is null && expected ? _builder.Build(map, profile) : null);
        });

        var results = new StepResult<Features>[batch.Count];
        lock (_lock)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                var (defect, name, profile, channel) = prepared[i];
                var input = batch[i];
                if (defect is not null)
                {
                    results[i] = StepResult<Features>.DeadLetter(defect.Reason, $"map {input.Message.MapId}: {defect.Message}");
                    continue;
                }

                if (channel is null)
                {
                    results[i] = StepResult<Features>.Skip($"{input.Message.FieldKind.ToText()} not expected by profile");
                    continue;
                }

                string key = input.Message.ObjectId ?? input.Message.MapId;
                if (!_pending.TryGetValue(key, out var pending))
                {
                    pending = new PendingObject(key, name, profile, input.ConsumedUtc + _options.JoinWait);
                    _pending[key] = pending;
                }

                pending.Maps[channel.Kind] = (input, channel);
                if (pending.Profile.ExpectedFields().All(pending.Maps.ContainsKey))
                {
                    _pending.Remove(key);
                    results[i] = StepResult<Features>.Emit(Complete(pending, "complete", _time.GetUtcNow()));
                }
                else
                {
                    results[i] = StepResult<Features>.Hold("waiting for the other fields of the object");
                }
            }

            MapFeaturesMetrics.Held.WithLabels(ServiceName).Set(_pending.Values.Sum(p => p.Maps.Count));
        }

        return Task.FromResult<IReadOnlyList<StepResult<Features>>>(results);
    }

    public IReadOnlyDictionary<InputPartition, long> LowestHeldOffsets()
    {
        lock (_lock)
        {
            var lowest = new Dictionary<InputPartition, long>();
            foreach (var (input, _) in _pending.Values.SelectMany(p => p.Maps.Values))
            {
                var partition = new InputPartition(input.Source.Topic, input.Source.Partition);
                lowest[partition] = lowest.TryGetValue(partition, out long known) ? Math.Min(known, input.Source.Offset) : input.Source.Offset;
            }

            return lowest;
        }
    }

    public IReadOnlyList<Features> ReleaseDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            var due = _pending.Values.Where(p => p.Due <= now).ToList();
            foreach (var p in due) _pending.Remove(p.Key);
            if (due.Count > 0) MapFeaturesMetrics.Held.WithLabels(ServiceName).Set(_pending.Values.Sum(p => p.Maps.Count));
            return [.. due.Select(p => Complete(p, "partial", now))];
        }
    }

    public void Forget(IReadOnlyCollection<InputPartition> partitions)
    {
        lock (_lock)
        {
            foreach (var pending in _pending.Values.ToList())
            {
                foreach (var (kind, (input, _)) in pending.Maps.ToList())
                {
                    if (partitions.Contains(new InputPartition(input.Source.Topic, input.Source.Partition))) pending.Maps.Remove(kind);
                }

                if (pending.Maps.Count == 0) _pending.Remove(pending.Key);
            }

            MapFeaturesMetrics.Held.WithLabels(ServiceName).Set(_pending.Values.Sum(p => p.Maps.Count));
        }
    }

    private (string Name, MapLimitsProfile Profile) ProfileOf(string survey) =>
        _profiles.TryGetValue(survey, out var profile) ? (survey, profile) : (_options.DefaultProfile, _profiles[_options.DefaultProfile]);

    private Features Complete(PendingObject pending, string outcome, DateTimeOffset now)
    {
        var parts = MapFeaturesCodec.ChannelOrder.Where(pending.Maps.ContainsKey).Select(k => pending.Maps[k]).ToList();
        var first = parts.Select(p => p.Input).MinBy(i => i.ConsumedUtc)!;
        var firstMap = first.Message;
        var reasons = parts.Select(p => p.Channel.RejectionReason).OfType<string>().ToList();
        if (parts.Any(p => Math.Abs(p.Input.Message.Redshift - firstMap.Redshift) > _options.MaxRedshiftMismatch))
        {
            reasons.Add($"the maps disagree on the redshift ({string.Join(", ", parts.Select(p => $"{p.Input.Message.MapId} z = {p.Input.Message.Redshift:G4}"))}) by more than {_options.MaxRedshiftMismatch:G3}");
        }

        bool accepted = reasons.Count == 0;
        if (!accepted)
        {
            MapFeaturesMetrics.Rejected.WithLabels(ServiceName, ReasonCategory(reasons[0])).Inc();
        }

        MapFeaturesMetrics.Joins.WithLabels(ServiceName, outcome).Inc();
        MapFeaturesMetrics.JoinWait.WithLabels(ServiceName, outcome).Observe(Math.Max(0, (now - first.ConsumedUtc).TotalSeconds));
        return new Features
        {
            ObjectId = pending.Key,
            Survey = firstMap.Survey,
            Redshift = firstMap.Redshift,
            Status = accepted ? RecordStatus.Accepted : RecordStatus.Rejected,
            RejectionReason = accepted ? null : string.Join("; ", reasons),
            Channels = [.. parts.Select(p => p.Channel.Kind)],
            MissingChannels = [.. pending.Profile.ExpectedFields().Where(k => !pending.Maps.ContainsKey(k))],
            Side = _options.Side,
            PixelKpc = _options.PixelKpc,
            Log10Pixels = accepted ? [.. parts.SelectMany(p => p.Channel.Log10Pixels!)] : null,
            LimitsProfile = pending.ProfileName,
            FlooredFraction = [.. parts.Select(p => p.Channel.FlooredFraction)],
            Log10Floors = [.. parts.Select(p => p.Channel.Log10Floor)],
            SourceMapIds = [.. parts.Select(p => p.Channel.MapId)],
            TrueValues = parts.Select(p => p.Input.Message.TrueValues).FirstOrDefault(t => t is not null),
            Provenance = new MessageProvenance(first.Source.Topic, first.Source.Partition, first.Source.Offset),
            JoinMs = Math.Max(0, (now - first.ConsumedUtc).TotalMilliseconds),
            FeaturesMs = parts.Sum(p => p.Channel.ComputeMs),
            ComputedUtc = now,
            CodeVersion = StreamProcessor.Hosting.CodeVersion.Current,
        };
    }

    /// <summary>A low-cardinality label for the rejection metric (the record itself carries the full reason).</summary>
    private static string ReasonCategory(string reason) => reason switch
    {
        _ when reason.Contains("disagree on the redshift", StringComparison.Ordinal) => "redshift-mismatch",
        _ when reason.Contains("angular-diameter distance", StringComparison.Ordinal) => "redshift-too-low",
        _ when reason.Contains("model grid", StringComparison.Ordinal) => "coverage",
        _ => "other",
    };

    /// <summary>The maps of one object held so far, by kind, with the profile of its first map and when its wait runs out.</summary>
    private sealed record PendingObject(string Key, string ProfileName, MapLimitsProfile Profile, DateTimeOffset Due)
    {
        public Dictionary<SkyMapFieldKind, (StreamInput<SkyMap> Input, MapChannel Channel)> Maps { get; } = [];
    }
}
