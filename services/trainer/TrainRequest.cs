using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer;

/// <summary>
/// Arguments of <c>trainer train</c>; <see cref="MaxStepsPerEpoch"/> caps quick runs (tests); <see cref="Threads"/> fixes
/// libtorch's intra-op threads (null: all cores), which the card records; <see cref="Architecture"/> picks the 2D image or 3D cube network.
/// </summary>
internal sealed record TrainRequest(
    string DataDirectory,
    string OutputDirectory,
    int Epochs,
    int BatchSize,
    int Seed,
    string Device,
    int Patience,
    double LearningRate,
    int? MaxStepsPerEpoch,
    int BaseChannels,
    int? Threads = null,
    InputArchitecture Architecture = InputArchitecture.Image2D);
