using System.Diagnostics;

namespace StreamProcessor.Bench;

/// <summary>
/// Per-second samples of what the process and host did during a run: process CPU, GC pause time and collections,
/// and the host's steal time (a VM's cores taken by other guests). A p99 is one number; the timeline shows when the
/// slow catalogues happened and what the machine was doing then.
/// </summary>
internal sealed class RunTimeline : IDisposable
{
    private readonly List<Sample> _samples = [];
    private readonly Timer _timer;
    private readonly Timer _queueProbe;
    private long _maxQueued;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private bool _stopped;

    public RunTimeline()
    {
        _samples.Add(Take());
        _timer = new Timer(_ =>
        {
            lock (_samples)
            {
                if (!_stopped) _samples.Add(Take());
            }
        }, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        // Work items waiting for a thread-pool thread, sampled often: a starved pool shows as a queue with idle cores.
        _queueProbe = new Timer(_ => InterlockedMax(ref _maxQueued, ThreadPool.PendingWorkItemCount), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public DateTime StartedUtc { get; } = DateTime.UtcNow;

    /// <summary>One line per second: catalogues logged in that second, their p99 and max latency, and the machine's state.</summary>
    public IEnumerable<string> Lines(IReadOnlyList<(DateTime LoggedUtc, double LatencySeconds)> catalogues)
    {
        List<Sample> samples;
        lock (_samples) samples = [.. _samples];
        for (int second = 0; second + 1 < samples.Count; second++)
        {
            var (from, to) = (samples[second], samples[second + 1]);
            double wall = (to.At - from.At).TotalSeconds;
            var window = catalogues
                .Where(c => (c.LoggedUtc - StartedUtc).TotalSeconds >= second && (c.LoggedUtc - StartedUtc).TotalSeconds < second + 1)
                .Select(c => c.LatencySeconds * 1000).Order().ToArray();
            string latency = window.Length == 0 ? "" : $"p99 {window[(int)(0.99 * (window.Length - 1))],5:F0}  max {window[^1],5:F0} ms";
            yield return $"{second,3} s  {window.Length,5} logged  {latency,-24}  CPU {100 * (to.Cpu - from.Cpu).TotalSeconds / wall,4:F0} %  " +
                $"GC pause {(to.Pause - from.Pause).TotalMilliseconds,4:F0} ms (gen0 {to.Gen0 - from.Gen0}, gen1 {to.Gen1 - from.Gen1}, gen2 {to.Gen2 - from.Gen2})  " +
                $"host steal {StealShare(from, to),3:P0}  pool threads {to.PoolThreads} (queue max {to.MaxQueued})";
        }
    }

    /// <summary>The whole run in one line: process CPU, GC pauses and host steal from the first sample to the last.</summary>
    public string Summary()
    {
        List<Sample> samples;
        lock (_samples) samples = [.. _samples];
        var (from, to) = (samples[0], samples[^1]);
        double wall = (to.At - from.At).TotalSeconds;
        return $"{wall:F1} s: process CPU {100 * (to.Cpu - from.Cpu).TotalSeconds / wall:F0} % of one core, GC pauses {(to.Pause - from.Pause).TotalMilliseconds:F0} ms " +
            $"(gen0 {to.Gen0 - from.Gen0}, gen1 {to.Gen1 - from.Gen1}, gen2 {to.Gen2 - from.Gen2}), host steal {StealShare(from, to):P0}";
    }

    /// <summary>Ends the timeline with a last (partial-second) sample.</summary>
    public void Stop()
    {
        _timer.Dispose();
        _queueProbe.Dispose();
        lock (_samples)
        {
            if (!_stopped) _samples.Add(Take());
            _stopped = true;
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _queueProbe.Dispose();
    }

    private Sample Take() => new(
        _clock.Elapsed,
        Process.GetCurrentProcess().TotalProcessorTime,
        GC.GetTotalPauseDuration(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        HostTicks(),
        ThreadPool.ThreadCount,
        Interlocked.Exchange(ref _maxQueued, 0));

    private static double StealShare(Sample from, Sample to)
    {
        if (from.Host is not { } a || to.Host is not { } b) return double.NaN;
        long total = b.Total - a.Total;
        return total == 0 ? 0 : (double)(b.Steal - a.Steal) / total;
    }

    /// <summary>Total and steal jiffies from the first line of /proc/stat; null where there is none (not Linux).</summary>
    private static (long Total, long Steal)? HostTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            return (fields.Sum(), fields.Length > 7 ? fields[7] : 0);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record Sample(TimeSpan At, TimeSpan Cpu, TimeSpan Pause, int Gen0, int Gen1, int Gen2, (long Total, long Steal)? Host, int PoolThreads, long MaxQueued);
}
