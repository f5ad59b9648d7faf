using System.Text;
using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Kafka;

namespace StreamProcessor.Integration.Tests;

/// <summary>Produces raw payloads (good or bad) the way survey operations would, with schema headers.</summary>
internal static class Publish
{
    /// <summary>Raw catalogue payloads to <c>catalogues</c>.</summary>
    public static void Raw(KafkaClientFactory kafka, IEnumerable<(string Key, byte[] Value)> records) =>
        Raw(kafka, Topics.Catalogues, ClusterCatalogueCodec.Id, records);

    /// <summary>Raw payloads to <paramref name="topic"/>, headed as schema <paramref name="schema"/>.</summary>
    public static void Raw(KafkaClientFactory kafka, string topic, SchemaId schema, IEnumerable<(string Key, byte[] Value)> records)
    {
        using var producer = kafka.CreateProducer("integration-producer");
        foreach (var (key, value) in records)
        {
            producer.Produce(topic, new Message<string, byte[]>
            {
                Key = key,
                Value = value,
                Headers = new Headers
                {
                    { MessageHeaders.SchemaName, Encoding.UTF8.GetBytes(schema.Name) },
                    { MessageHeaders.SchemaVersion, Encoding.UTF8.GetBytes(schema.Version) },
                    { MessageHeaders.ContentType, Encoding.UTF8.GetBytes(MessageHeaders.ArrowStreamContentType) },
                },
            });
        }

        producer.Flush(TimeSpan.FromSeconds(60));
    }

    public static void Catalogues(KafkaClientFactory kafka, IEnumerable<ClusterCatalogue> catalogues)
    {
        var codec = new ClusterCatalogueCodec();
        Raw(kafka, catalogues.Select(c => (c.ClusterId, codec.Encode(c))));
    }
}
