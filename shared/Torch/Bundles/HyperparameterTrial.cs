namespace StreamProcessor.Torch.Bundles;

/// <summary>One trial of a hyper-parameter search.</summary>
/// <param name="Parameters">The configuration by name (layers, width, dropout, learning rate, weight decay, ...).</param>
/// <param name="Objective">The objective reached (lower is better); infinity for a failed trial.</param>
/// <param name="Seconds">Wall time of the trial.</param>
public sealed record HyperparameterTrial(IReadOnlyDictionary<string, double> Parameters, double Objective, double Seconds);
