namespace StreamProcessor.Evaluation;

/// <summary>
/// Bias and scatter of residuals r = predicted − true (for masses: log10 M_pred − log10 M_true, in dex).
/// <see cref="BiasDex"/> is the mean residual; <see cref="ScatterDex"/> the sample standard deviation about that mean
/// (N − 1 denominator), the "residual scatter" Ho et al. (2019), arXiv:1902.05950 §4, quote; <see cref="RmsDex"/> is
/// sqrt(mean r²), which folds the bias in.
/// </summary>
public sealed record ResidualStatistics(int Count, double BiasDex, double ScatterDex, double RmsDex)
{
    /// <summary>Statistics of predicted − true over all pairs; needs at least two.</summary>
    public static ResidualStatistics Compute(ReadOnlySpan<double> predicted, ReadOnlySpan<double> truth)
    {
        Metrics.RequireSameLength(predicted.Length, truth.Length);
        int n = predicted.Length;
        if (n < 2) throw new ArgumentException("Residual statistics need at least two pairs.", nameof(predicted));
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double r = predicted[i] - truth[i];
            sum += r;
            sumSquares += r * r;
        }
        double mean = sum / n;
        double centred = 0;
        for (int i = 0; i < n; i++)
        {
            double d = predicted[i] - truth[i] - mean;
            centred += d * d;
        }
        return new ResidualStatistics(n, mean, Math.Sqrt(centred / (n - 1)), Math.Sqrt(sumSquares / n));
    }
}
