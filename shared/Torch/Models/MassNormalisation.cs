namespace StreamProcessor.Torch.Models;

/// <summary>
/// Fixed transforms between physical values and network units; saved in the model card so inference applies the
/// same ones as training. Input: u = x * InputScale, then ln(u + LogOffset) when LogInput. Targets are
/// standardised per parameter: z = (theta - TargetMean) / TargetStd.
/// </summary>
/// <param name="InputScale">Multiplies raw pixels; the pixel count turns a sum-1 KDE image into a mean-1 image.</param>
/// <param name="LogInput">Apply ln(u + LogOffset) after scaling.</param>
/// <param name="LogOffset">Keeps the logarithm finite in empty pixels (in scaled units).</param>
/// <param name="TargetMean">Training-split mean of each parameter.</param>
/// <param name="TargetStd">Training-split standard deviation of each parameter (positive).</param>
public sealed record MassNormalisation(double InputScale, bool LogInput, double LogOffset, IReadOnlyList<double> TargetMean, IReadOnlyList<double> TargetStd)
{
    /// <summary>Throws when a constant is unusable.</summary>
    public MassNormalisation Validated(int parameterCount)
    {
        if (!(InputScale > 0) || !double.IsFinite(InputScale))
        {
            throw new ArgumentOutOfRangeException(nameof(InputScale), InputScale, "Input scale must be positive and finite.");
        }

        if (LogInput && !(LogOffset > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LogOffset), LogOffset, "A log input needs a positive offset.");
        }

        if (TargetMean.Count != parameterCount || TargetStd.Count != parameterCount)
        {
            throw new ArgumentException($"Need {parameterCount} target means and standard deviations, got {TargetMean.Count} and {TargetStd.Count}.");
        }

        if (TargetMean.Any(m => !double.IsFinite(m)) || TargetStd.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException("Target means must be finite and standard deviations positive.");
        }

        return this;
    }

    /// <summary>Mean and (population) standard deviation per parameter of the rows in <paramref name="rows"/>.</summary>
    /// <remarks>A parameter that is constant on the training split gets std 1, so it is only shifted.</remarks>
    public static (double[] Mean, double[] Std) TargetMoments(ReadOnlySpan<float> targets, int parameterCount, IReadOnlyList<int> rows)
    {
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        var mean = new double[parameterCount];
        var std = new double[parameterCount];
        for (int p = 0; p < parameterCount; p++)
        {
            double sum = 0;
            foreach (int r in rows)
            {
                sum += targets[(r * parameterCount) + p];
            }

            mean[p] = sum / rows.Count;
            double squares = 0;
            foreach (int r in rows)
            {
                double d = targets[(r * parameterCount) + p] - mean[p];
                squares += d * d;
            }

            double s = Math.Sqrt(squares / rows.Count);
            std[p] = s > 0 ? s : 1.0;
        }

        return (mean, std);
    }
}
