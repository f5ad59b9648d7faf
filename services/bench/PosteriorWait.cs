using StreamProcessor.PipelineHost;

namespace StreamProcessor.Bench;

/// <summary>How the benchmarks wait for their posteriors without hanging on a broker that lost records.</summary>
internal static class PosteriorWait
{
    /// <summary>
    /// Waits for the collector; false (with the reason printed) when posteriors stop arriving. The embedded broker
    /// silently drops the oldest records beyond ~5 MiB per partition, so a run too large for it would otherwise hang.
    /// </summary>
    /// <param name="bench">The benchmark's name for the message, e.g. "bench stream".</param>
    /// <param name="collector">The posterior collector.</param>
    /// <param name="collecting">Its running task.</param>
    /// <param name="expected">Posteriors the phase waits for.</param>
    /// <param name="phase">The phase's name for the message.</param>
    public static async Task<bool> ArrivedAsync(string bench, PosteriorCollector collector, Task collecting, int expected, string phase)
    {
        int seen = -1;
        while (!collecting.IsCompleted)
        {
            await Task.WhenAny(collecting, Task.Delay(TimeSpan.FromSeconds(60)));
            if (collecting.IsCompleted) break;
            if (collector.Count == seen)
            {
                Console.Error.WriteLine($"{bench}: {phase} stalled at {collector.Count} of {expected} posteriors for 60 s; " +
                    "the embedded broker keeps ~5 MiB per partition and drops older records, so run fewer records (or use --bootstrap with a real broker)");
                return false;
            }

            seen = collector.Count;
        }

        await collecting;
        return true;
    }
}
