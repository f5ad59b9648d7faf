using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.Hosting.Worker;

/// <summary>Batching and retry settings of one worker (configuration section "Worker:&lt;service&gt;").</summary>
public sealed record StreamWorkerOptions
{
    /// <summary>Largest micro-batch handed to the step.</summary>
    [Range(1, 65536)] public int MaxBatchSize { get; init; } = 64;

    /// <summary>
    /// Batches one consume cycle may hold when records are waiting (bursts, catch-up). Within a cycle, each batch's
    /// decode and step run while the previous batch's outputs wait for the broker's acknowledgements; 1 turns that
    /// overlap off. Nothing is consumed until the whole cycle is committed.
    /// </summary>
    [Range(1, 16)] public int BatchesPerCycle { get; init; } = 2;

    /// <summary>Longest a partial batch waits for more records before it is processed.</summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Retries of a failing step call (transient errors), before records are isolated one by one.</summary>
    [Range(0, 20)] public int StepRetries { get; init; } = 2;

    /// <summary>Retries of a failed produce (after librdkafka's own retries), before the worker gives up and stops the host.</summary>
    [Range(0, 20)] public int ProduceRetries { get; init; } = 3;

    /// <summary>Consumer group; defaults to the service name so replicas of one service share the partitions.</summary>
    public string? GroupId { get; init; }
}
