using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.MassInference;

/// <summary>A calibrated mass model: a batch of 2D phase-space images in, mean and σ of log10 M200c out.</summary>
public interface IMassModel
{
    string Name { get; }
    string Version { get; }

    /// <summary>SHA-256 of the model card file, stamped on every posterior.</summary>
    string CardSha256 { get; }

    /// <summary>"cpu" or "cuda", for metrics and logs.</summary>
    string DeviceName { get; }

    int InputLength { get; }

    /// <summary>The features field the model reads; a 2D image unless the model says otherwise.</summary>
    MassModelInput Input => MassModelInput.Kde2D;

    /// <summary>Where the network was trained; inputs outside it are flagged out-of-distribution.</summary>
    TrainingDomain? TrainingDomain { get; }

    /// <summary><paramref name="images"/> holds <paramref name="count"/> images back to back.</summary>
    (double[] Mean, double[] Sigma) Predict(ReadOnlySpan<float> images, int count);

    /// <summary>Probability levels of the full-posterior quantiles this model publishes; null when it has no posterior head.</summary>
    IReadOnlyList<double>? QuantileLevels => null;

    /// <summary>
    /// As <see cref="Predict"/>, plus the full posterior's quantiles at <see cref="QuantileLevels"/> from the same forward
    /// pass, [i * levels + l] for image i (null without a posterior head).
    /// </summary>
    (double[] Mean, double[] Sigma, double[]? Quantiles) PredictPosteriors(ReadOnlySpan<float> images, int count)
    {
        var (mean, sigma) = Predict(images, count);
        return (mean, sigma, null);
    }
}
