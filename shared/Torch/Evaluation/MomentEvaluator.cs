using MathNet.Numerics.Statistics;
using StreamProcessor.Evaluation;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Torch.Evaluation;

/// <summary>
/// The one evaluator of every moment network: per-parameter metrics (reference sheet section 8) and coverage curves
/// for the card, from held-out truths and the network's posterior means and sigmas. Arrays are [parameter][sample].
/// </summary>
public static class MomentEvaluator
{
    /// <summary>Metrics of every parameter, in the order of <paramref name="names"/>.</summary>
    public static ModelMetrics Metrics(
        string split,
        IReadOnlyList<string> names,
        double[][] truth,
        double[][] mean,
        double[][] sigma,
        IReadOnlyDictionary<string, double>? baselines = null)
    {
        RequireShapes(names, truth, mean, sigma);
        var perParameter = new Dictionary<string, ParameterMetrics>(StringComparer.Ordinal);
        for (int p = 0; p < names.Count; p++)
        {
            perParameter[names[p]] = Parameter(truth[p], mean[p], sigma[p]);
        }

        return new ModelMetrics(split, perParameter, baselines);
    }

    /// <summary>
    /// Metrics of one parameter. The mean relative error is &lt;sigma / |mu|&gt; over samples with mu != 0 (the
    /// reference sheet's &lt;sigma / mu&gt;, made meaningful for parameters whose prior includes zero or negatives).
    /// </summary>
    public static ParameterMetrics Parameter(double[] truth, double[] mean, double[] sigma)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(sigma);
        double sumSquares = 0;
        double bias = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double residual = mean[i] - truth[i];
            sumSquares += residual * residual;
            bias += residual;
        }

        double[] relative = [.. mean.Zip(sigma).Where(ms => ms.First != 0).Select(ms => ms.Second / Math.Abs(ms.First))];
        return new ParameterMetrics(
            truth.Length,
            Math.Sqrt(sumSquares / truth.Length),
            bias / truth.Length,
            StreamProcessor.Evaluation.Metrics.RSquared(truth, mean),
            relative.Length > 0 ? relative.Average() : double.NaN,
            StreamProcessor.Evaluation.Metrics.ReducedChiSquared(truth, mean, sigma),
            StreamProcessor.Evaluation.Metrics.Coverage(truth, mean, sigma, StreamProcessor.Evaluation.Metrics.OneSigma),
            Correlation.Pearson(truth, mean))
        {
            Coverage95 = StreamProcessor.Evaluation.Metrics.Coverage(truth, mean, sigma, StreamProcessor.Evaluation.Metrics.NinetyFiveSigma),
        };
    }

    /// <summary>Expected versus empirical coverage of every parameter at <see cref="StreamProcessor.Evaluation.Metrics.DefaultConfidenceLevels"/>.</summary>
    public static CalibrationReport Calibration(string split, IReadOnlyList<string> names, double[][] truth, double[][] mean, double[][] sigma)
    {
        RequireShapes(names, truth, mean, sigma);
        var coverage = new Dictionary<string, IReadOnlyList<CoveragePoint>>(StringComparer.Ordinal);
        for (int p = 0; p < names.Count; p++)
        {
            coverage[names[p]] = [.. StreamProcessor.Evaluation.Metrics
                .CalibrationCurve(truth[p], mean[p], sigma[p], StreamProcessor.Evaluation.Metrics.DefaultConfidenceLevels)
                .Select(point => new CoveragePoint(point.ExpectedCoverage, point.ObservedCoverage))];
        }

        return new CalibrationReport(split, coverage);
    }

    private static void RequireShapes(IReadOnlyList<string> names, double[][] truth, double[][] mean, double[][] sigma)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (truth.Length != names.Count || mean.Length != names.Count || sigma.Length != names.Count)
        {
            throw new ArgumentException($"Need {names.Count} parameter rows in truth, mean and sigma; got {truth.Length}, {mean.Length}, {sigma.Length}.");
        }

        for (int p = 0; p < names.Count; p++)
        {
            if (mean[p].Length != truth[p].Length || sigma[p].Length != truth[p].Length || truth[p].Length < 2)
            {
                throw new ArgumentException($"Parameter {names[p]}: truth, mean and sigma need the same length of at least 2.");
            }
        }
    }
}
