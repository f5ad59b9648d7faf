using Confluent.Kafka;

namespace StreamProcessor.Hosting.Tests;

/// <summary>
/// The worker with a step that holds inputs (<see cref="Worker.IHoldingStep{TOut}"/>): joined inputs give one output, a lone
/// one is published when its wait runs out, and a held input is never committed, so a restart re-reads it.
/// </summary>
public sealed class HoldingStepWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_halves_arriving_separately_give_one_output_and_a_lone_half_comes_out_after_its_wait()
    {
        using var fixture = new WorkerFixture();
        // The wait is released by the test, not by the clock: however slow the machine, the pair meets before it.
        var step = new PairingStep(TimeSpan.FromHours(1));
        var worker = fixture.NewWorker(step: step);
        await worker.StartAsync(CancellationToken.None);

        await ProduceToPartitionAsync(fixture, 0, [("p1/a", 1), ("lone/a", 5)]);
        await Task.Delay(200);
        await ProduceToPartitionAsync(fixture, 0, [("p1/b", 2)]);
        var pair = fixture.ReadAll(WorkerFixture.Output, 1, Timeout);
        Assert.Equal("p1", Assert.Single(pair).Message.Key);
        Assert.Equal(1, step.HeldCount);
        step.ExpireAll();
        var outputs = fixture.ReadAll(WorkerFixture.Output, 2, Timeout);
        await worker.StopAsync(CancellationToken.None);

        var byKey = outputs.ToDictionary(o => o.Message.Key, o => fixture.Codec.Decode(o.Message.Value).Value);
        Assert.Equal(new Dictionary<string, double> { ["p1"] = 3, ["lone"] = 5 }, byKey);
        Assert.Equal(0, step.HeldCount);
    }

    [Fact]
    public async Task A_held_input_is_not_committed_even_when_later_records_of_its_partition_are_so_a_restarted_worker_re_reads_it()
    {
        using var fixture = new WorkerFixture();
        // The held record first, then records the step answers at once: their commits must stop below the held one.
        await ProduceToPartitionAsync(fixture, 1, [("lone/a", 7), .. Enumerable.Range(0, 40).Select(i => ($"k{i}", (double)i))]);
        var patient = new PairingStep(TimeSpan.FromHours(1));
        var first = fixture.NewWorker(step: patient);
        await first.StartAsync(CancellationToken.None);
        var early = fixture.ReadAll(WorkerFixture.Output, 40, Timeout);
        await Task.Delay(500); // the last batch's commit follows its acknowledgement
        Assert.Equal(1, patient.HeldCount);
        await first.StopAsync(CancellationToken.None);
        Assert.Equal(40, early.Count);
        Assert.DoesNotContain(early, r => r.Message.Key == "lone");
        Assert.Equal(0, patient.HeldCount); // the stop revoked its partitions: what it held is forgotten, not published

        var second = fixture.NewWorker(step: new PairingStep(TimeSpan.FromMilliseconds(300)));
        await second.StartAsync(CancellationToken.None);
        var all = fixture.ReadAll(WorkerFixture.Output, 81, Timeout);
        await second.StopAsync(CancellationToken.None);

        var lone = Assert.Single(all, r => r.Message.Key == "lone");
        Assert.Equal(7, fixture.Codec.Decode(lone.Message.Value).Value);
        // Re-read from the held offset: the 40 later records come out again (keyed, identical), nothing is lost.
        Assert.Equal(40, all.Count(r => r.Message.Key.StartsWith('k')) - 40);
    }

    [Fact]
    public async Task Once_a_lone_input_is_released_its_offset_is_committed_and_a_restart_publishes_nothing_again()
    {
        using var fixture = new WorkerFixture();
        await ProduceToPartitionAsync(fixture, 2, [("lone/a", 9), ("k0", 1)]);
        var first = fixture.NewWorker(step: new PairingStep(TimeSpan.FromMilliseconds(200)));
        await first.StartAsync(CancellationToken.None);
        var outputs = fixture.ReadAll(WorkerFixture.Output, 2, Timeout);
        // The release's commit follows its acknowledgement: wait for the broker to show it, however slow the machine.
        Assert.True(fixture.WaitForCommit("doubler", partition: 2, offset: 2, Timeout), "the released input's offset was never committed");
        await first.StopAsync(CancellationToken.None);
        Assert.Equal(["k0", "lone"], outputs.Select(o => o.Message.Key).Order());

        var second = fixture.NewWorker(step: new PairingStep(TimeSpan.FromMilliseconds(200)));
        await second.StartAsync(CancellationToken.None);
        await ProduceToPartitionAsync(fixture, 2, [("late", 1)]);
        // Until the three distinct keys are out, then a drain: a re-published "lone" would show as a fourth record.
        var settled = fixture.ReadAll(WorkerFixture.Output, 3, Timeout, distinctKeys: true);
        await second.StopAsync(CancellationToken.None);

        Assert.Equal(["k0", "late", "lone"], settled.Select(o => o.Message.Key).Order());
    }

    private static async Task ProduceToPartitionAsync(WorkerFixture fixture, int partition, IEnumerable<(string Id, double Value)> values)
    {
        using var producer = fixture.Kafka.CreateProducer("test-producer");
        foreach (var (id, value) in values)
        {
            producer.Produce(new TopicPartition(WorkerFixture.Input, partition), new Message<string, byte[]> { Key = id, Value = fixture.Codec.Encode(new ScaledValue(id, value)) });
        }

        producer.Flush(TimeSpan.FromSeconds(30));
        await Task.CompletedTask;
    }
}
