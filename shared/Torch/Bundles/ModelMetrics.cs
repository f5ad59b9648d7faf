namespace StreamProcessor.Torch.Bundles;

/// <summary>Evaluator's results on a held-out split, by parameter name.</summary>
/// <param name="Split">Which samples were used, e.g. "test".</param>
/// <param name="PerParameter">Metrics of each parameter.</param>
/// <param name="Baselines">Optional baseline scores for comparison, e.g. {"m_sigma_rmse_dex": 0.37}.</param>
public sealed record ModelMetrics(
    string Split,
    IReadOnlyDictionary<string, ParameterMetrics> PerParameter,
    IReadOnlyDictionary<string, double>? Baselines = null);
