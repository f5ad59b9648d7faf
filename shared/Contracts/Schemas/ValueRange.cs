using System.Globalization;

namespace StreamProcessor.Contracts.Schemas;

/// <summary>
/// The allowed interval of a numeric field (for a list or tensor field: of every element).
/// Written in JSON as <c>{"min":0,"max":360,"minInclusive":true,"maxInclusive":false}</c>.
/// </summary>
public sealed record ValueRange(double Min, double Max, bool MinInclusive = true, bool MaxInclusive = true)
{
    /// <summary>True when <paramref name="value"/> lies inside the interval (NaN never does).</summary>
    public bool Contains(double value) =>
        (MinInclusive ? value >= Min : value > Min) && (MaxInclusive ? value <= Max : value < Max);

    /// <summary>Interval notation, e.g. "[0, 360)".</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(MinInclusive ? '[' : '(')}{Min:R}, {Max:R}{(MaxInclusive ? ']' : ')')}");
}
