using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.Hosting.Tests;

/// <summary>Alone, because every running worker also moves the pool's minimum.</summary>
[CollectionDefinition(nameof(ThreadPoolReserveTests), DisableParallelization = true)]
public sealed class ThreadPoolReserveCollection;

[Collection(nameof(ThreadPoolReserveTests))]
public sealed class ThreadPoolReserveTests
{
    [Fact]
    public void A_blocking_loop_holds_pool_threads_in_reserve_until_it_ends()
    {
        ThreadPool.GetMinThreads(out int before, out int completionPortsBefore);

        var first = ThreadPoolReserve.ForBlockingLoop();
        var second = ThreadPoolReserve.ForBlockingLoop();
        ThreadPool.GetMinThreads(out int withTwo, out int completionPorts);
        first.Dispose();
        first.Dispose(); // a second dispose releases nothing more
        ThreadPool.GetMinThreads(out int withOne, out _);
        second.Dispose();
        ThreadPool.GetMinThreads(out int after, out _);

        Assert.Equal(before + (2 * ThreadPoolReserve.ThreadsPerLoop), withTwo);
        Assert.Equal(before + ThreadPoolReserve.ThreadsPerLoop, withOne);
        Assert.Equal(before, after);
        Assert.Equal(completionPortsBefore, completionPorts);
    }
}
