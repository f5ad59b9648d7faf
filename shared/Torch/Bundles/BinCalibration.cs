namespace StreamProcessor.Torch.Bundles;

/// <summary>Coverage and score per estimator in one bin.</summary>
public sealed record BinCalibration(
    string Label,
    int Samples,
    IReadOnlyDictionary<string, double> Coverage68,
    IReadOnlyDictionary<string, double> Coverage95,
    IReadOnlyDictionary<string, double> MeanAbsCoverageError);
