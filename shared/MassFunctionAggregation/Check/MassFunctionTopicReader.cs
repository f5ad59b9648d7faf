using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Kafka;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>Reads the massfunction topic back as any downstream Arrow consumer would, for the science checks.</summary>
public static class MassFunctionTopicReader
{
    /// <summary>Reads massfunction from the beginning until every one of <paramref name="series"/> series has an update matching <paramref name="wanted"/>; returns the first such of each.</summary>
    public static async Task<IReadOnlyList<MassFunctionUpdate>> ReadUpdatesAsync(
        KafkaClientFactory kafka, MassFunctionUpdateCodec codec, int series, Func<MassFunctionUpdate, bool> wanted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(wanted);
        using var reader = kafka.CreateReader("massfunction-check-reader");
        reader.Subscribe(Topics.MassFunction);
        var found = new Dictionary<string, MassFunctionUpdate>(StringComparer.Ordinal);
        try
        {
            while (found.Count < series)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ConsumeResult<string, byte[]>? record = await Task.Run(() => reader.Consume(TimeSpan.FromMilliseconds(200)), cancellationToken);
                if (record is null || record.IsPartitionEOF) continue;
                MassFunctionUpdate update = codec.Decode(record.Message.Value);
                if (wanted(update)) found.TryAdd(update.SeriesId, update);
            }
        }
        finally
        {
            reader.Close();
        }

        return [.. found.Values.OrderBy(u => u.RedshiftMin)];
    }
}
