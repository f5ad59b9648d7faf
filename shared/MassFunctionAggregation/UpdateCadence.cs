namespace StreamProcessor.MassFunctionAggregation;

/// <summary>When to publish: after <c>everyPosteriors</c> new posteriors or <c>interval</c>, whichever comes first.</summary>
public sealed class UpdateCadence
{
    private readonly int _everyPosteriors;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private long _since;
    private long _lastTimestamp;

    public UpdateCadence(int everyPosteriors, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyPosteriors, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        _everyPosteriors = everyPosteriors;
        _interval = interval;
        _time = time;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>New posteriors since the last publication.</summary>
    public long SinceLastUpdate => _since;

    /// <summary>Counts new posteriors.</summary>
    public void Count(int posteriors) => _since += posteriors;

    /// <summary>True when the count or the interval is reached.</summary>
    public bool IsDue => _since >= _everyPosteriors || _time.GetElapsedTime(_lastTimestamp) >= _interval;

    /// <summary>How long until the interval is reached (zero when it is).</summary>
    public TimeSpan UntilDue => _interval - _time.GetElapsedTime(_lastTimestamp) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    /// <summary>Starts a new period (after a publication).</summary>
    public void Reset()
    {
        _since = 0;
        _lastTimestamp = _time.GetTimestamp();
    }
}
