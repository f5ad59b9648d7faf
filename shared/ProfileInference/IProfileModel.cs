using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// A calibrated model of stacked profiles: feature vectors built by <see cref="Layout"/> in, mean and sigma of every
/// parameter out. Behind an interface so the step is tested without a bundle on disk.
/// </summary>
public interface IProfileModel
{
    string Name { get; }

    string Version { get; }

    /// <summary>SHA-256 of the model card file, stamped on every posterior.</summary>
    string CardSha256 { get; }

    /// <summary>"cpu" or "cuda", for metrics and logs.</summary>
    string DeviceName { get; }

    /// <summary>Which profile kinds, radii and whether the halo mass make up the input vector, in order.</summary>
    ProfileLayout Layout { get; }

    /// <summary>Output parameters in order, with their units (from the card's parameter definitions).</summary>
    IReadOnlyList<string> ParameterNames { get; }

    IReadOnlyList<string> ParameterUnits { get; }

    /// <summary>Where the training features lived; null when the card records none (then only the layout's floors flag inputs).</summary>
    FeatureDomain? FeatureDomain { get; }

    /// <summary><paramref name="features"/> holds <paramref name="count"/> vectors of <see cref="ProfileLayout.FeatureCount"/> values back to back.</summary>
    MomentPredictions Predict(ReadOnlySpan<float> features, int count);
}
