using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Training.Search;

/// <summary>Sent after each trial of a hyper-parameter search.</summary>
/// <param name="Trial">0-based index of the trial just finished.</param>
/// <param name="Budget">Total number of trials.</param>
/// <param name="Result">The trial as recorded in the report.</param>
/// <param name="BestTrial">Index of the best trial so far.</param>
/// <param name="Failure">Why the trial was recorded as +infinity (exception message or non-finite objective); null if it succeeded.</param>
public sealed record HyperparameterSearchProgress(int Trial, int Budget, HyperparameterTrial Result, int BestTrial, string? Failure);
