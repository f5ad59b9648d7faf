namespace StreamProcessor.Torch.Training.Search;

/// <summary>
/// One named axis of a hyper-parameter search space: a real interval, uniform or log-uniform, or an integer range.
/// </summary>
/// <remarks>
/// The search works in an internal coordinate: the value itself, or its natural log for log axes (learning rates and
/// weight decays span decades, so a step there means a ratio). Integers are treated as continuous on
/// [low - 0.5, high + 0.5] and rounded, so each integer owns an interval of equal width (equal width in log space
/// for log axes), as Optuna's search-space transform does (optuna/_transform.py, transform_step=True).
/// </remarks>
public sealed record SearchDimension
{
    private SearchDimension(string name, double low, double high, bool isLog, bool isInteger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!double.IsFinite(low) || !double.IsFinite(high) || (isInteger ? high < low : high <= low))
        {
            throw new ArgumentException($"Dimension '{name}' has bounds [{low}, {high}]; need finite low < high (low <= high for integers).");
        }

        if (isLog && (isInteger ? low < 1 : low <= 0))
        {
            throw new ArgumentException($"Log dimension '{name}' needs a lower bound above 0 (at least 1 for integers), got {low}.");
        }

        Name = name;
        Low = low;
        High = high;
        IsLog = isLog;
        IsInteger = isInteger;
    }

    /// <summary>Parameter name, the key in each trial's parameters.</summary>
    public string Name { get; }

    /// <summary>Smallest value (inclusive).</summary>
    public double Low { get; }

    /// <summary>Largest value (inclusive).</summary>
    public double High { get; }

    /// <summary>Whether the axis is searched uniformly in log(value).</summary>
    public bool IsLog { get; }

    /// <summary>Whether values are integers.</summary>
    public bool IsInteger { get; }

    /// <summary>Real values uniform in [<paramref name="low"/>, <paramref name="high"/>], e.g. dropout.</summary>
    public static SearchDimension Uniform(string name, double low, double high) => new(name, low, high, isLog: false, isInteger: false);

    /// <summary>Real values uniform in log over [<paramref name="low"/>, <paramref name="high"/>], e.g. learning rate.</summary>
    public static SearchDimension LogUniform(string name, double low, double high) => new(name, low, high, isLog: true, isInteger: false);

    /// <summary>Integers in [<paramref name="low"/>, <paramref name="high"/>], e.g. layers; <paramref name="log"/> for widths.</summary>
    public static SearchDimension Integer(string name, int low, int high, bool log = false) => new(name, low, high, log, isInteger: true);

    /// <summary>Lower edge in internal coordinates.</summary>
    internal double InternalLow => ToInternal(IsInteger ? Low - 0.5 : Low);

    /// <summary>Upper edge in internal coordinates.</summary>
    internal double InternalHigh => ToInternal(IsInteger ? High + 0.5 : High);

    /// <summary>Internal coordinate of a value.</summary>
    internal double ToInternal(double value) => IsLog ? Math.Log(value) : value;

    /// <summary>The value at an internal coordinate: exponentiated on log axes, rounded on integer axes, always within bounds.</summary>
    internal double FromInternal(double coordinate)
    {
        double value = IsLog ? Math.Exp(coordinate) : coordinate;
        if (IsInteger)
        {
            value = Math.Round(value, MidpointRounding.AwayFromZero);
        }

        return Math.Clamp(value, Low, High);
    }
}
