using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Kafka;
using StreamProcessor.SubscribeCli.Sinks;

namespace StreamProcessor.SubscribeCli;

/// <summary>
/// Reads one topic without a consumer group: every partition is assigned explicitly, starting at the earliest
/// offset, the end, or the first offset at or after a time (ListOffsets by timestamp, <c>OffsetsForTimes</c>).
/// A replay (earliest or a time) stops at the end offsets captured when it starts, or earlier at <c>--until</c>
/// (the first offset after that time, again by ListOffsets) or <c>--max</c>; "latest" follows new records until
/// <c>--max</c>, <c>--until</c> or the idle timeout. Every record is decoded with the topic's codec
/// (<see cref="CodecCatalog"/>); a record it refuses is counted by reason and skipped, never fatal.
/// </summary>
public static class TopicReader
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <param name="settings">What to read.</param>
    /// <param name="catalog">Codecs by topic.</param>
    /// <param name="filter">Field filters, already checked against the topic's schema.</param>
    /// <param name="sink">Where matched records go (not completed here).</param>
    /// <param name="log">Progress and status lines.</param>
    /// <param name="positioned">Called once every partition has its start position (a "latest" reader sees records produced after this).</param>
    /// <param name="cancellationToken">Stops reading; the summary so far is returned.</param>
    /// <exception cref="SubscribeException">The topic does not exist or has no schema.</exception>
    public static async Task<SubscribeSummary> ReadAsync(
        SubscribeSettings settings,
        CodecCatalog catalog,
        RecordFilter filter,
        IRecordSink sink,
        Action<string> log,
        Action? positioned = null,
        CancellationToken cancellationToken = default)
    {
        var entry = EntryFor(catalog, settings.Topic);
        var factory = new KafkaClientFactory(settings.Kafka);
        var partitions = Partitions(factory, settings.Topic);
        using var consumer = factory.CreateReader("subscribe", c => c.EnablePartitionEof = true);

        var ends = new Dictionary<int, long>();
        var starts = new List<TopicPartitionOffset>();
        var watermarks = partitions.ToDictionary(p => p, p => consumer.QueryWatermarkOffsets(new TopicPartition(settings.Topic, p), RequestTimeout));
        bool byTime = settings.Until is not null || settings.From.From == StartPosition.Kind.Timestamp;
        bool timeLookup = byTime && AnswersTimeLookup(consumer, settings.Topic, watermarks);
        if (byTime && !timeLookup)
        {
            log("the broker does not look offsets up by time (the embedded broker does not): scanning from the earliest offset and filtering by record timestamp");
        }

        var untilEnds = timeLookup && settings.Until is { } until
            ? OffsetsAt(consumer, settings.Topic, partitions, until.AddMilliseconds(1))
            : null;
        var fromOffsets = timeLookup && settings.From.From == StartPosition.Kind.Timestamp
            ? OffsetsAt(consumer, settings.Topic, partitions, settings.From.Time!.Value)
            : null;
        bool bounded = settings.From.From != StartPosition.Kind.Latest;
        foreach (int p in partitions)
        {
            var tp = new TopicPartition(settings.Topic, p);
            long low = watermarks[p].Low.Value;
            long high = watermarks[p].High.Value;
            long start = settings.From.From switch
            {
                StartPosition.Kind.Earliest => low,
                StartPosition.Kind.Latest => high,
                // No offset at or after the time means every retained record is older: start at the end.
                _ => fromOffsets is null ? low : Math.Max(low, fromOffsets[p] ?? high),
            };
            long end = bounded ? high : long.MaxValue;
            if (untilEnds is not null) end = Math.Min(end, untilEnds[p] ?? end);
            starts.Add(new TopicPartitionOffset(tp, new Offset(start)));
            ends[p] = end;
        }

        consumer.Assign(starts);
        var done = starts.Where(s => s.Offset.Value >= ends[s.Partition.Value]).Select(s => s.Partition.Value).ToHashSet();
        log($"reading '{settings.Topic}' (schema {entry.Schema}, {partitions.Count} partitions) from {settings.From}" +
            (bounded ? $" up to {ends.Values.Where(e => e != long.MaxValue).Sum() - starts.Sum(s => s.Offset.Value)} records" : " (new records only)") +
            (filter.Description.Count > 0 ? $"; filter: {string.Join(", ", filter.Description)}" : ""));
        positioned?.Invoke();

        long read = 0, matched = 0, undecodable = 0;
        var reasons = new Dictionary<string, (long Count, string Example)>(StringComparer.Ordinal);
        var idle = Stopwatch.StartNew();
        var sinceLog = Stopwatch.StartNew();
        bool reachedEnd = false, timedOut = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (done.Count == partitions.Count || (settings.Max is { } max && matched >= max))
            {
                reachedEnd = true;
                break;
            }

            if (idle.Elapsed > settings.IdleTimeout)
            {
                timedOut = true;
                break;
            }

            if (sinceLog.Elapsed >= TimeSpan.FromSeconds(1))
            {
                sinceLog.Restart();
                log(Progress(read, matched, undecodable));
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is null) continue;
            int partition = result.Partition.Value;
            if (result.IsPartitionEOF)
            {
                if (result.Offset.Value >= ends[partition]) done.Add(partition);
                continue;
            }

            idle.Restart();
            if (done.Contains(partition) || result.Offset.Value >= ends[partition])
            {
                done.Add(partition);
                continue;
            }

            if (settings.Until is { } last && result.Message.Timestamp.UtcDateTime > last.UtcDateTime)
            {
                // Following new records: the log has passed --until on this partition.
                done.Add(partition);
                continue;
            }

            read++;
            if (result.Offset.Value + 1 >= ends[partition]) done.Add(partition);
            if (settings.From.Time is { } from && result.Message.Timestamp.UtcDateTime < from.UtcDateTime) continue;

            IReadOnlyDictionary<string, object?> row;
            object message;
            try
            {
                message = entry.Decode(result.Message.Value ?? []);
                row = entry.ToRow(message);
            }
            catch (RecordValidationException e)
            {
                undecodable++;
                string label = e.Reason.ToLabel();
                reasons[label] = reasons.TryGetValue(label, out var seen)
                    ? (seen.Count + 1, seen.Example)
                    : (1, $"partition {partition} offset {result.Offset.Value}: {e.Message}");
                continue;
            }

            if (!filter.Matches(row)) continue;
            matched++;
            await sink.WriteAsync(row, message, cancellationToken);
        }

        consumer.Close();
        log(Progress(read, matched, undecodable) + (timedOut ? $" (stopped: nothing arrived for {settings.IdleTimeout.TotalSeconds:F0} s)" : ""));
        return new SubscribeSummary(read, matched, undecodable, reasons, reachedEnd, timedOut);
    }

    /// <exception cref="SubscribeException">No schema is registered for the topic.</exception>
    public static CodecEntry EntryFor(CodecCatalog catalog, string topic)
    {
        try
        {
            return catalog.ForTopic(topic);
        }
        catch (KeyNotFoundException e)
        {
            throw new SubscribeException(e.Message);
        }
    }

    private static string Progress(long read, long matched, long undecodable) =>
        string.Create(CultureInfo.InvariantCulture, $"progress: read {read}, matched {matched}, undecodable {undecodable}");

    private static IReadOnlyList<int> Partitions(KafkaClientFactory factory, string topic)
    {
        using var admin = factory.CreateAdmin();
        var metadata = admin.GetMetadata(topic, RequestTimeout);
        var topicMetadata = metadata.Topics.SingleOrDefault(t => t.Topic == topic);
        if (topicMetadata is null || topicMetadata.Error.IsError || topicMetadata.Partitions.Count == 0)
        {
            throw new SubscribeException($"topic '{topic}' does not exist on {factory.Options.BootstrapServers}" +
                (topicMetadata?.Error.IsError == true ? $" ({topicMetadata.Error.Reason})" : ""));
        }

        return [.. topicMetadata.Partitions.Select(p => p.PartitionId).Order()];
    }

    /// <summary>
    /// Whether ListOffsets by timestamp works: every record of a non-empty partition is at or after the epoch, so a
    /// broker that implements the lookup returns an offset there. librdkafka's mock cluster answers -1 to any time.
    /// </summary>
    private static bool AnswersTimeLookup(IConsumer<string, byte[]> consumer, string topic, Dictionary<int, WatermarkOffsets> watermarks)
    {
        var nonEmpty = watermarks.Where(w => w.Value.High.Value > w.Value.Low.Value).Select(w => w.Key).ToList();
        if (nonEmpty.Count == 0) return true;
        return OffsetsAt(consumer, topic, nonEmpty, DateTimeOffset.UnixEpoch).Values.Any(o => o is not null);
    }

    /// <summary>Per partition, the first offset whose record timestamp is at or after <paramref name="time"/>; null when none is.</summary>
    private static Dictionary<int, long?> OffsetsAt(IConsumer<string, byte[]> consumer, string topic, IReadOnlyList<int> partitions, DateTimeOffset time)
    {
        var query = partitions.Select(p => new TopicPartitionTimestamp(new TopicPartition(topic, p), new Timestamp(time.UtcDateTime, TimestampType.CreateTime)));
        return consumer.OffsetsForTimes(query, RequestTimeout)
            .ToDictionary(r => r.Partition.Value, r => r.Offset.Value >= 0 ? r.Offset.Value : (long?)null);
    }
}
