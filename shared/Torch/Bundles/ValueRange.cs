namespace StreamProcessor.Torch.Bundles;

/// <summary>Closed interval [Min, Max] of a quantity seen in training.</summary>
public sealed record ValueRange(double Min, double Max)
{
    /// <summary>True when <paramref name="value"/> lies in [Min, Max].</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>Smallest range holding every finite value; throws when there is none.</summary>
    public static ValueRange Of(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double v in values.Where(double.IsFinite))
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return min <= max ? new ValueRange(min, max) : throw new ArgumentException("No finite values.", nameof(values));
    }
}
