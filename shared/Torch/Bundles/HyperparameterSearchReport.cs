namespace StreamProcessor.Torch.Bundles;

/// <summary>A hyper-parameter search as recorded in a card: method, budget, seed, every trial and the chosen one.</summary>
/// <param name="Method">Search algorithm, e.g. "TPE (Bergstra et al. 2011)".</param>
/// <param name="Seed">Seed of the search.</param>
/// <param name="Budget">Number of trials run.</param>
/// <param name="Objective">What each trial minimised, e.g. "validation moment loss".</param>
/// <param name="Trials">Every trial in the order run.</param>
/// <param name="BestTrial">Index into <paramref name="Trials"/> of the configuration that was trained and shipped.</param>
public sealed record HyperparameterSearchReport(
    string Method,
    int Seed,
    int Budget,
    string Objective,
    IReadOnlyList<HyperparameterTrial> Trials,
    int BestTrial);
