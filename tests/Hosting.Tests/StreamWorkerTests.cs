using StreamProcessor.Contracts;

namespace StreamProcessor.Hosting.Tests;

public sealed class StreamWorkerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Records_in_come_out_transformed_keyed_by_id_with_schema_headers()
    {
        using var fixture = new WorkerFixture();
        await fixture.ProduceAsync(Enumerable.Range(0, 50).Select(i => ($"c{i}", fixture.Codec.Encode(new ScaledValue($"c{i}", i + 100)))));
        var worker = fixture.NewWorker();

        await worker.StartAsync(CancellationToken.None);
        var outputs = fixture.ReadAll(WorkerFixture.Output, 50, Timeout);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(50, outputs.Count);
        foreach (var record in outputs)
        {
            var value = fixture.Codec.Decode(record.Message.Value);
            Assert.Equal(record.Message.Key, value.Id);
            Assert.Equal(2.0 * (int.Parse(value.Id[1..]) + 100), value.Value);
            Assert.Equal("scaled-value", WorkerFixture.Header(record, MessageHeaders.SchemaName));
            Assert.Equal("1.0", WorkerFixture.Header(record, MessageHeaders.SchemaVersion));
            Assert.Equal(MessageHeaders.ArrowStreamContentType, WorkerFixture.Header(record, MessageHeaders.ContentType));
        }
    }

    [Fact]
    public async Task Poison_records_go_to_the_dead_letter_topic_with_reason_stage_and_source_and_the_loop_keeps_going()
    {
        using var fixture = new WorkerFixture();
        var records = new List<(string, byte[])>();
        for (int i = 0; i < 30; i++)
        {
            records.Add(($"good{i}", fixture.Codec.Encode(new ScaledValue($"good{i}", i + 100))));
            if (i == 5) records.Add(("short", [1, 2, 3]));
            if (i == 10) records.Add(("nan", ScaledValueCodec.EncodeUnchecked(new ScaledValue("nan", double.NaN))));
            if (i == 20) records.Add(("unlucky", fixture.Codec.Encode(new ScaledValue("unlucky", 13))));
            if (i == 25) records.Add(("overflow", fixture.Codec.Encode(new ScaledValue("overflow", 1e308)))); // doubles to +inf
        }

        await fixture.ProduceAsync(records);
        var worker = fixture.NewWorker();

        await worker.StartAsync(CancellationToken.None);
        var outputs = fixture.ReadAll(WorkerFixture.Output, 30, Timeout);
        var dead = fixture.ReadAll(Topics.DeadLetter(WorkerFixture.Input), 4, Timeout);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(30, outputs.Select(o => o.Message.Key).Distinct().Count());
        var byKey = dead.ToDictionary(d => d.Message.Key);
        Assert.Equal(["nan", "overflow", "short", "unlucky"], byKey.Keys.Order());
        Assert.Equal("non-finite", WorkerFixture.Header(byKey["overflow"], MessageHeaders.DlqReason));
        Assert.Equal("encode", WorkerFixture.Header(byKey["overflow"], MessageHeaders.DlqStage));
        Assert.Equal("malformed", WorkerFixture.Header(byKey["short"], MessageHeaders.DlqReason));
        Assert.Equal("decode", WorkerFixture.Header(byKey["short"], MessageHeaders.DlqStage));
        Assert.Equal(new byte[] { 1, 2, 3 }, byKey["short"].Message.Value);
        Assert.Equal("non-finite", WorkerFixture.Header(byKey["nan"], MessageHeaders.DlqReason));
        Assert.Equal("processing-error", WorkerFixture.Header(byKey["unlucky"], MessageHeaders.DlqReason));
        Assert.Equal("step", WorkerFixture.Header(byKey["unlucky"], MessageHeaders.DlqStage));
        Assert.Equal(typeof(InvalidOperationException).FullName, WorkerFixture.Header(byKey["unlucky"], MessageHeaders.DlqExceptionType));
        foreach (var d in dead)
        {
            Assert.Equal(WorkerFixture.Input, WorkerFixture.Header(d, MessageHeaders.DlqSourceTopic));
            Assert.True(int.Parse(WorkerFixture.Header(d, MessageHeaders.DlqSourcePartition)) >= 0);
            Assert.True(long.Parse(WorkerFixture.Header(d, MessageHeaders.DlqSourceOffset)) >= 0);
        }
    }

    [Fact]
    public async Task A_worker_stopped_mid_stream_and_restarted_in_its_group_resumes_without_losing_a_record()
    {
        using var fixture = new WorkerFixture();
        await fixture.ProduceAsync(Enumerable.Range(0, 300).Select(i => ($"k{i}", fixture.Codec.Encode(new ScaledValue($"k{i}", i + 100)))));

        var first = fixture.NewWorker();
        await first.StartAsync(CancellationToken.None);
        var early = fixture.ReadAll(WorkerFixture.Output, 40, Timeout);
        await first.StopAsync(CancellationToken.None);
        Assert.True(early.Count >= 40);

        var second = fixture.NewWorker();
        await second.StartAsync(CancellationToken.None);
        var all = fixture.ReadAll(WorkerFixture.Output, 300, Timeout);
        await second.StopAsync(CancellationToken.None);

        var keys = all.Select(r => r.Message.Key).ToHashSet();
        Assert.Equal(300, keys.Count);
        // At-least-once with committed offsets: a graceful stop re-delivers at most nothing beyond the last batch.
        Assert.InRange(all.Count - keys.Count, 0, 16 * 4);
    }

    [Fact]
    public async Task A_cycle_of_several_batches_steps_each_within_the_batch_size_and_publishes_every_record_once()
    {
        using var fixture = new WorkerFixture();
        // All waiting before the worker starts, so cycles fill up: 4 batches of 16 per cycle, with a poison record
        // in the middle of one.
        var records = Enumerable.Range(0, 200).Select(i => ($"k{i}", fixture.Codec.Encode(new ScaledValue($"k{i}", i == 90 ? 13 : i + 100)))).ToList();
        await fixture.ProduceAsync(records);
        var step = new DoublingStep();
        var worker = fixture.NewWorker(step: step, batchesPerCycle: 4);

        await worker.StartAsync(CancellationToken.None);
        var outputs = fixture.ReadAll(WorkerFixture.Output, 199, Timeout);
        var dead = fixture.ReadAll(Topics.DeadLetter(WorkerFixture.Input), 1, Timeout);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(199, outputs.Count);
        Assert.Equal(199, outputs.Select(o => o.Message.Key).Distinct().Count());
        Assert.Equal("k90", Assert.Single(dead).Message.Key);
        Assert.InRange(step.LargestBatch, 2, 16);

        // Every cycle was committed: a restarted worker in the group has nothing left to publish.
        var restarted = fixture.NewWorker(batchesPerCycle: 4);
        await restarted.StartAsync(CancellationToken.None);
        await fixture.ProduceAsync([("late", fixture.Codec.Encode(new ScaledValue("late", 1)))]);
        var after = fixture.ReadAll(WorkerFixture.Output, 200, Timeout);
        await restarted.StopAsync(CancellationToken.None);
        Assert.Equal(200, after.Count);
        Assert.Contains(after, r => r.Message.Key == "late");
    }
}
