using Confluent.Kafka;
using StreamProcessor.Kafka;

namespace StreamProcessor.Integration.Tests;

/// <summary>Reads a whole topic (group-less, from the beginning) until a condition holds or a timeout passes.</summary>
internal static class TopicReader
{
    public static List<ConsumeResult<string, byte[]>> ReadUntil(
        KafkaClientFactory kafka, string topic, Func<List<ConsumeResult<string, byte[]>>, bool> done, TimeSpan timeout)
    {
        using var reader = kafka.CreateReader("integration-" + topic);
        reader.Subscribe(topic);
        var records = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (!done(records) && DateTime.UtcNow < deadline)
        {
            if (reader.Consume(TimeSpan.FromMilliseconds(200)) is { } record) records.Add(record);
        }

        // Whatever else is already in the log (duplicates included).
        while (reader.Consume(TimeSpan.FromMilliseconds(1000)) is { } extra) records.Add(extra);
        reader.Close();
        return records;
    }

    public static int DistinctKeys(List<ConsumeResult<string, byte[]>> records) => records.Select(r => r.Message.Key).Distinct().Count();

    public static string Header(ConsumeResult<string, byte[]> record, string name) =>
        record.Message.Headers.TryGetLastBytes(name, out var bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : "";
}
