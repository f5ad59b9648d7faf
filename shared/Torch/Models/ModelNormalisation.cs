using System.Text.Json.Serialization;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Fixed transforms between physical values and network units; saved in the model card so inference applies the
/// same ones as training. Input: u = x * InputScale, then ln(u + LogOffset) when LogInput, then per feature
/// (u - InputMean) / InputStd when those are set (feature vectors of unlike quantities; the CNNs' images leave them
/// null). Targets are standardised per parameter: z = (theta - TargetMean) / TargetStd.
/// </summary>
/// <param name="InputScale">Multiplies raw pixels; the pixel count turns a sum-1 KDE image into a mean-1 image.</param>
/// <param name="LogInput">Apply ln(u + LogOffset) after scaling.</param>
/// <param name="LogOffset">Keeps the logarithm finite in empty pixels (in scaled units).</param>
/// <param name="TargetMean">Training-split mean of each parameter.</param>
/// <param name="TargetStd">Training-split standard deviation of each parameter (positive).</param>
public sealed record ModelNormalisation(double InputScale, bool LogInput, double LogOffset, IReadOnlyList<double> TargetMean, IReadOnlyList<double> TargetStd)
{
    /// <summary>Per-feature mean of the transformed training inputs, or null for no per-feature standardisation.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? InputMean { get; init; }

    /// <summary>Per-feature standard deviation (positive) matching <see cref="InputMean"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? InputStd { get; init; }

    /// <summary>
    /// Per-parameter factor on the network's sigma, fitted after training on the validation split so that 68.27 % of
    /// validation truths fall within 1 sigma (<see cref="Training.SigmaCalibration"/>); null: sigma as the network gives it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<double>? SigmaScale { get; init; }

    /// <summary>Throws when the per-feature standardisation does not fit <paramref name="inputLength"/> values.</summary>
    public ModelNormalisation ValidatedInputs(int inputLength)
    {
        if (InputMean is null && InputStd is null)
        {
            return this;
        }

        if (InputMean is null || InputStd is null || InputMean.Count != inputLength || InputStd.Count != inputLength)
        {
            throw new ArgumentException($"Per-feature standardisation needs {inputLength} means and standard deviations, got {InputMean?.Count ?? 0} and {InputStd?.Count ?? 0}.");
        }

        if (InputMean.Any(m => !double.IsFinite(m)) || InputStd.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException("Input means must be finite and standard deviations positive.");
        }

        return this;
    }

    /// <summary>Applies scale and log (not the per-feature standardisation) to one raw value.</summary>
    public double Transform(double raw)
    {
        double scaled = raw * InputScale;
        return LogInput ? Math.Log(scaled + LogOffset) : scaled;
    }

    /// <summary>Throws when a constant is unusable.</summary>
    public ModelNormalisation Validated(int parameterCount)
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

        if (SigmaScale is not null && (SigmaScale.Count != parameterCount || SigmaScale.Any(s => !(s > 0) || !double.IsFinite(s))))
        {
            throw new ArgumentException($"Sigma scales need {parameterCount} positive finite values, got {SigmaScale.Count}.");
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
