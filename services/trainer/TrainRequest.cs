namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer train</c>; <see cref="MaxStepsPerEpoch"/> caps quick runs (tests).</summary>
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
    int BaseChannels);
