using Confluent.Kafka;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.Kafka.Tests;

public sealed class EmbeddedKafkaClusterTests
{
    [Fact]
    public async Task A_record_produced_to_the_embedded_broker_is_consumed_with_its_key_value_and_headers()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic(new TopicSpec("smoke", 3));
        var factory = new KafkaClientFactory(new KafkaOptions { BootstrapServers = cluster.BootstrapServers });

        using (var producer = factory.CreateProducer())
        {
            var headers = new Headers { { "schema", "smoke"u8.ToArray() } };
            var report = await producer.ProduceAsync("smoke", new Message<string, byte[]> { Key = "id-1", Value = [1, 2, 3], Headers = headers });
            Assert.Equal(PersistenceStatus.Persisted, report.Status);
        }

        using var consumer = factory.CreateConsumerBuilder("smoke-group").Build();
        consumer.Subscribe("smoke");
        var record = consumer.Consume(TimeSpan.FromSeconds(20));

        Assert.NotNull(record);
        Assert.Equal("id-1", record.Message.Key);
        Assert.Equal(new byte[] { 1, 2, 3 }, record.Message.Value);
        Assert.Equal("smoke"u8.ToArray(), record.Message.Headers.GetLastBytes("schema"));
        consumer.Close();
    }

    [Fact]
    public void Bootstrap_address_is_a_loopback_host_and_port()
    {
        using var cluster = EmbeddedKafkaCluster.Start();

        var first = cluster.BootstrapServers.Split(',')[0];
        var (host, port) = (first[..first.LastIndexOf(':')], int.Parse(first[(first.LastIndexOf(':') + 1)..]));

        Assert.Contains(host, new[] { "127.0.0.1", "localhost" });
        Assert.InRange(port, 1, 65535);
    }

    [Fact]
    public void Client_factory_refuses_an_empty_bootstrap_address()
    {
        var factory = new KafkaClientFactory(new KafkaOptions());

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateProducer());

        Assert.Contains("--bootstrap", error.Message);
    }
}
