namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// Test-set metrics of one parameter, definitions from the reference sheet section 8 (CAMELS, Villaescusa-Navarro+2022,
/// arXiv:2109.10915, Eqs. 4-7): RMSE; R^2 = 1 - sum (theta - mu)^2 / sum (theta - mean theta)^2; mean relative error
/// epsilon = &lt;sigma / mu&gt;; reduced chi^2 = &lt;((theta - mu) / sigma)^2&gt;; 68 % coverage = fraction with
/// |theta - mu| &lt; sigma; Pearson r; bias = &lt;mu - theta&gt;.
/// </summary>
public sealed record ParameterMetrics(
    int Count,
    double Rmse,
    double Bias,
    double RSquared,
    double MeanRelativeError,
    double ReducedChiSquared,
    double Coverage68,
    double PearsonR)
{
    /// <summary>Fraction with |theta - mu| &lt; 1.96 sigma; null in cards written before it was recorded.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? Coverage95 { get; init; }
}
