using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Metrics;
using StreamProcessor.MassInference;

namespace StreamProcessor.Bench;

/// <summary>
/// Where a worker's batch time goes, from the workers' own Prometheus histograms: a snapshot before and after a run,
/// and the difference as mean batch size and mean milliseconds per batch in each stage.
/// </summary>
internal sealed class WorkerStages
{
    private static readonly string[] Services = [ExtractPhaseSpaceStep.ServiceName, InferMassStep.ServiceName];
    private static readonly string[] Stages = ["decode", "step", "produce", "batch", "commit"];
    private readonly Dictionary<string, (double Sum, long Count)> _values = [];

    public static WorkerStages Snapshot()
    {
        var snapshot = new WorkerStages();
        foreach (var service in Services)
        {
            var size = StreamMetrics.BatchSize.WithLabels(service);
            snapshot._values[$"{service}/size"] = (size.Sum, size.Count);
            foreach (var stage in Stages)
            {
                var duration = StreamMetrics.StageDuration.WithLabels(service, stage);
                snapshot._values[$"{service}/{stage}"] = (duration.Sum, duration.Count);
            }
        }

        return snapshot;
    }

    /// <summary>
    /// One line per service: batches, mean size, mean ms per batch by stage, and the batch's wall time from its decode
    /// to its commit (less than the sum when a batch's acknowledgements overlap the next batch's step).
    /// </summary>
    public IEnumerable<string> Since(WorkerStages before)
    {
        foreach (var service in Services)
        {
            var (sizeSum, batches) = Delta(before, $"{service}/size");
            if (batches == 0) continue;
            double Ms(string stage) => Delta(before, $"{service}/{stage}").Sum * 1000 / batches;
            yield return $"{service,-15} {batches,5} batches of {sizeSum / batches,5:F1}   decode {Ms("decode"),6:F1}   step {Ms("step"),6:F1}   encode+produce {Ms("produce"),6:F1}   commits {Ms("commit"),5:F1}   wall {Ms("batch"),6:F1}   ms per batch";
        }
    }

    private (double Sum, long Count) Delta(WorkerStages before, string key) =>
        (_values[key].Sum - before._values[key].Sum, _values[key].Count - before._values[key].Count);
}
