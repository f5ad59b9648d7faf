namespace StreamProcessor.Hosting.Worker;

/// <summary>
/// Raises the thread pool's minimum while a consume loop that blocks pool threads in librdkafka runs. After its first
/// await a loop runs on pool threads, and a thread blocked in Consume counts as busy: with the default minimum (one
/// thread per core) the pool grows only by starvation detection, a thread or two a second, so a service that had
/// just started stalled with idle cores (`bench stream --compute-3d`: 3 pool threads, p99 1.4 s in its first
/// second, 9 threads two seconds later).
/// </summary>
public static class ThreadPoolReserve
{
    /// <summary>Pool threads one loop may hold: one blocked in Consume, one running its awaited continuations.</summary>
    public const int ThreadsPerLoop = 2;

    private static readonly Lock Gate = new();

    /// <summary>Adds <see cref="ThreadsPerLoop"/> to the pool's minimum worker threads (created on demand, without delay) until disposed.</summary>
    public static IDisposable ForBlockingLoop()
    {
        Adjust(ThreadsPerLoop);
        return new Reservation();
    }

    private static void Adjust(int threads)
    {
        lock (Gate)
        {
            ThreadPool.GetMinThreads(out int workers, out int completionPorts);
            ThreadPool.SetMinThreads(Math.Max(1, workers + threads), completionPorts);
        }
    }

    private sealed class Reservation : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) Adjust(-ThreadsPerLoop);
        }
    }
}
