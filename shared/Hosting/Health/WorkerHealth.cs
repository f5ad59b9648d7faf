using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StreamProcessor.Hosting.Health;

/// <summary>
/// Readiness of the workers in this process: ready once every registered worker's loop runs and has
/// turned within <see cref="StallAfter"/>; a failed or stalled worker makes the process unready.
/// </summary>
public sealed class WorkerHealth(TimeProvider time) : IHealthCheck
{
    private readonly ConcurrentDictionary<string, State> _workers = new();

    public TimeSpan StallAfter { get; init; } = TimeSpan.FromSeconds(60);

    public void Register(string service) => _workers.TryAdd(service, new State(WorkerStatus.Starting, time.GetUtcNow(), null));

    public void MarkRunning(string service) => _workers[service] = new State(WorkerStatus.Running, time.GetUtcNow(), null);

    public void Beat(string service) => _workers[service] = _workers[service] with { LastBeatUtc = time.GetUtcNow() };

    public void MarkFailed(string service, Exception error) => _workers[service] = new State(WorkerStatus.Failed, time.GetUtcNow(), error.Message);

    public void MarkStopped(string service) => _workers[service] = new State(WorkerStatus.Stopped, time.GetUtcNow(), null);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var data = _workers.ToDictionary(w => w.Key, w => (object)w.Value.Status.ToString());
        var problems = _workers
            .Where(w => w.Value.Status != WorkerStatus.Running || now - w.Value.LastBeatUtc > StallAfter)
            .Select(w => w.Value.Status == WorkerStatus.Running ? $"{w.Key}: stalled" : $"{w.Key}: {w.Value.Status} {w.Value.Error}".TrimEnd())
            .ToList();
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("all workers running", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
    }

    private sealed record State(WorkerStatus Status, DateTimeOffset LastBeatUtc, string? Error);
}
