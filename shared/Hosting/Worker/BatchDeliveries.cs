using Confluent.Kafka;

namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// The delivery reports of one batch's messages, completed when every message has been reported. ProduceAsync
/// completes one task per message, and each completion queues a continuation on the thread pool (thousands a
/// second on the catalogue path, waiting behind consumers blocked in librdkafka); this queues one per batch.
/// </summary>
internal sealed class BatchDeliveries
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ProduceException<string, byte[]>?[] _failures;
    private int _pending;

    public BatchDeliveries(int count)
    {
        _failures = new ProduceException<string, byte[]>?[count];
        _pending = count;
        if (count == 0) _all.SetResult();
    }

    /// <summary>Completes when every slot has a delivery report or a refused produce.</summary>
    public Task Completed => _all.Task;

    /// <summary>Produces <paramref name="message"/> into <paramref name="slot"/>; a produce the client refuses at once is that slot's failure.</summary>
    public void Produce(IProducer<string, byte[]> producer, int slot, string topic, Message<string, byte[]> message)
    {
        try
        {
            // The handler runs on the client's poll thread: record and count only.
            producer.Produce(topic, message, report => Report(slot, report.Error.IsError ? new ProduceException<string, byte[]>(report.Error, report) : null));
        }
        catch (ProduceException<string, byte[]> e)
        {
            Report(slot, e);
        }
    }

    /// <summary>The slot's failure, or null when the broker acknowledged it; read after <see cref="Completed"/>.</summary>
    public ProduceException<string, byte[]>? FailureOf(int slot) => _failures[slot];

    private void Report(int slot, ProduceException<string, byte[]>? failure)
    {
        _failures[slot] = failure;
        if (Interlocked.Decrement(ref _pending) == 0) _all.SetResult();
    }
}
