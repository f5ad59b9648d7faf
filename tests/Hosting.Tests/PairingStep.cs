using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.Hosting.Tests;

/// <summary>
/// A holding step: "obj/a" and "obj/b" are two halves of object "obj"; the first half is held until the second arrives
/// (one output, "obj" with the sum) or until <paramref name="wait"/> runs out (one output with the lone half). Ids
/// without a slash pass through doubled, as <see cref="DoublingStep"/> does.
/// </summary>
internal sealed class PairingStep(TimeSpan wait, TimeProvider? time = null) : IStreamStep<ScaledValue, ScaledValue>, IHoldingStep<ScaledValue>
{
    private readonly Dictionary<string, (StreamInput<ScaledValue> First, DateTimeOffset Due)> _held = [];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private bool _expireAll;

    public int HeldCount
    {
        get { lock (_lock) return _held.Count; }
    }

    /// <summary>From now on every held half is due, whatever its wait: lets a test release it at a moment it chooses, not by the clock.</summary>
    public void ExpireAll()
    {
        lock (_lock) _expireAll = true;
    }

    public Task<IReadOnlyList<StepResult<ScaledValue>>> ProcessAsync(IReadOnlyList<StreamInput<ScaledValue>> batch, CancellationToken cancellationToken)
    {
        var results = new List<StepResult<ScaledValue>>();
        lock (_lock)
        {
            foreach (var input in batch)
            {
                string id = input.Message.Id;
                int slash = id.IndexOf('/', StringComparison.Ordinal);
                if (slash < 0)
                {
                    results.Add(StepResult<ScaledValue>.Emit(input.Message with { Value = 2 * input.Message.Value }));
                    continue;
                }

                string obj = id[..slash];
                if (_held.Remove(obj, out var first))
                {
                    results.Add(StepResult<ScaledValue>.Emit(new ScaledValue(obj, first.First.Message.Value + input.Message.Value)));
                    continue;
                }

                _held[obj] = (input, input.ConsumedUtc + wait);
                results.Add(StepResult<ScaledValue>.Hold("waiting for the other half"));
            }
        }

        return Task.FromResult<IReadOnlyList<StepResult<ScaledValue>>>(results);
    }

    public IReadOnlyDictionary<InputPartition, long> LowestHeldOffsets()
    {
        lock (_lock)
        {
            return _held.Values
                .GroupBy(h => new InputPartition(h.First.Source.Topic, h.First.Source.Partition))
                .ToDictionary(g => g.Key, g => g.Min(h => h.First.Source.Offset));
        }
    }

    public IReadOnlyList<ScaledValue> ReleaseDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            var due = _held.Where(h => _expireAll || h.Value.Due <= now).ToList();
            foreach (var (obj, _) in due) _held.Remove(obj);
            return [.. due.Select(d => new ScaledValue(d.Key, d.Value.First.Message.Value))];
        }
    }

    public void Forget(IReadOnlyCollection<InputPartition> partitions)
    {
        lock (_lock)
        {
            foreach (var (obj, _) in _held.Where(h => partitions.Contains(new InputPartition(h.Value.First.Source.Topic, h.Value.First.Source.Partition))).ToList())
            {
                _held.Remove(obj);
            }
        }
    }
}
