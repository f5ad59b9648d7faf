namespace StreamProcessor.Hosting.Tests;

public sealed class ConsumerGroupTests
{
    [Fact]
    public async Task Two_replicas_in_one_group_split_the_partitions_without_losing_or_republishing_a_record()
    {
        using var fixture = new WorkerFixture();
        await fixture.ProduceAsync(Enumerable.Range(0, 400).Select(i => ($"r{i}", fixture.Codec.Encode(new ScaledValue($"r{i}", i + 100)))));

        var first = fixture.NewWorker();
        await first.StartAsync(CancellationToken.None);
        fixture.ReadAll(WorkerFixture.Output, 50, TimeSpan.FromSeconds(30));
        // The second replica joins mid-stream: the group rebalances while records are flowing.
        var second = fixture.NewWorker();
        await second.StartAsync(CancellationToken.None);
        await fixture.ProduceAsync(Enumerable.Range(400, 400).Select(i => ($"r{i}", fixture.Codec.Encode(new ScaledValue($"r{i}", i + 100)))));
        var all = fixture.ReadAll(WorkerFixture.Output, 800, TimeSpan.FromSeconds(60), distinctKeys: true);
        await Task.WhenAll(first.StopAsync(CancellationToken.None), second.StopAsync(CancellationToken.None));

        Assert.Equal(800, all.Select(r => r.Message.Key).Distinct().Count());
        // The fence commit keeps a replica from publishing once the group rebalances. Only a batch whose final
        // commit races the rebalance can be re-published (the mock refuses commits while rebalancing), and then
        // byte-identical under the same key.
        Assert.InRange(all.Count - 800, 0, 16);
        foreach (var group in all.GroupBy(r => r.Message.Key))
        {
            Assert.Single(group.Select(r => Convert.ToHexString(r.Message.Value)).Distinct());
        }
    }
}
