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

    /// <summary>Where the network was trained; inputs outside it are flagged out-of-distribution.</summary>
    TrainingDomain? TrainingDomain { get; }

    /// <summary><paramref name="images"/> holds <paramref name="count"/> images back to back.</summary>
    (double[] Mean, double[] Sigma) Predict(ReadOnlySpan<float> images, int count);
}
