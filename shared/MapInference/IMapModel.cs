using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.MapInference;

/// <summary>
/// A calibrated map model: log10 maps on its <see cref="Layout"/> in, mean and sigma of every parameter out. Behind an
/// interface so the step is tested without a bundle on disk.
/// </summary>
public interface IMapModel
{
    string Name { get; }

    string Version { get; }

    /// <summary>SHA-256 of the model card file, stamped on every posterior.</summary>
    string CardSha256 { get; }

    /// <summary>"cpu" or "cuda", for metrics and logs.</summary>
    string DeviceName { get; }

    MapModelLayout Layout { get; }

    IReadOnlyList<string> ParameterNames { get; }

    IReadOnlyList<string> ParameterUnits { get; }

    /// <summary>Training range of the per-channel map summaries (<see cref="MapSummary"/>); null when the card records none.</summary>
    FeatureDomain? FeatureDomain { get; }

    /// <summary><paramref name="maps"/> holds <paramref name="count"/> inputs of <see cref="MapModelLayout.InputLength"/> log10 values back to back.</summary>
    MomentPredictions Predict(ReadOnlySpan<float> maps, int count);
}
