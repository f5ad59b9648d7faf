using System.Diagnostics;
using Confluent.Kafka;

namespace StreamProcessor.Bench;

/// <summary>The benchmarks' producer side: encoded records onto an input topic, each stamped with the time it was sent.</summary>
internal static class LoadGenerator
{
    /// <summary>
    /// Produces the encoded records to <paramref name="topic"/>, paced at <paramref name="perSecond"/> (0: as fast as
    /// possible), and reports each acknowledged record's key and log time to <paramref name="logged"/>.
    /// </summary>
    public static void Produce(IProducer<string, byte[]> producer, string topic, List<(string Key, byte[] Value)> payloads, int perSecond, Action<string, DateTime> logged)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < payloads.Count; i++)
        {
            if (perSecond > 0)
            {
                // Sleep, never spin: a spinning load generator takes one of the two cores the path runs on.
                var due = TimeSpan.FromSeconds((double)i / perSecond);
                while (clock.Elapsed < due) Thread.Sleep(1);
            }

            // The record's log time is the CreateTime stamped here (the embedded broker reports a placeholder time in
            // delivery reports, so the stamp itself is what is recorded).
            var stamp = DateTime.UtcNow;
            var message = new Message<string, byte[]> { Key = payloads[i].Key, Value = payloads[i].Value, Timestamp = new Timestamp(stamp) };
            Action<DeliveryReport<string, byte[]>> onDelivery = report =>
            {
                if (!report.Error.IsError) logged(report.Message.Key, stamp);
            };
            while (true)
            {
                try
                {
                    producer.Produce(topic, message, onDelivery);
                    break;
                }
                catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
                {
                    // A burst larger than the client's queue: wait for deliveries instead of failing the run.
                    producer.Poll(TimeSpan.FromMilliseconds(50));
                }
            }
        }

        producer.Flush(TimeSpan.FromSeconds(60));
    }
}
