using System.Globalization;
using StreamProcessor.Evaluation;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Posterior;

namespace StreamProcessor.Torch.Evaluation;

/// <summary>
/// Compares posterior estimators of one parameter on the same held-out simulations by simulation-based calibration
/// (<see cref="SimulationBasedCalibration"/>), coverage at every credible level and the mean log density of the truth.
/// Each estimator gives one <see cref="GaussianMixture"/> per simulation (a Gaussian moment posterior is a mixture of one).
/// </summary>
public static class PosteriorCalibration
{
    /// <summary>Posterior draws per simulation for the ranks (100 possible ranks).</summary>
    public const int Draws = 99;

    /// <summary>Bins of the rank histograms (5 ranks each).</summary>
    public const int RankBins = 20;

    /// <summary>The report for <paramref name="estimators"/> (name → posterior per simulation), optionally per bin label.</summary>
    public static PosteriorCalibrationReport Evaluate(
        string split,
        string parameter,
        IReadOnlyList<double> truth,
        IReadOnlyDictionary<string, GaussianMixture[]> estimators,
        IReadOnlyList<string>? binLabels = null,
        int seed = 1804)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(estimators);
        if (estimators.Count == 0 || estimators.Values.Any(e => e.Length != truth.Count) || truth.Count < 2)
        {
            throw new ArgumentException($"Need at least 2 simulations and, for every estimator, one posterior per simulation ({truth.Count}).");
        }

        if (binLabels is not null && binLabels.Count != truth.Count)
        {
            throw new ArgumentException($"Need one bin label per simulation ({truth.Count}), got {binLabels.Count}.", nameof(binLabels));
        }

        var levels = SimulationBasedCalibration.StandardLevels;
        var results = estimators.ToDictionary(kv => kv.Key, kv => Estimator(truth, kv.Value, levels, seed), StringComparer.Ordinal);
        var bins = binLabels is null ? [] : Bins(truth, estimators, binLabels, levels);
        return new PosteriorCalibrationReport(split, parameter, truth.Count, Draws, levels, results, bins, Verdict(results));
    }

    private static EstimatorCalibration Estimator(IReadOnlyList<double> truth, GaussianMixture[] posteriors, IReadOnlyList<double> levels, int seed)
    {
        int[] ranks = SimulationBasedCalibration.RankHistogram(truth, (i, random) => posteriors[i].Sample(random), Draws, RankBins, seed);
        var (chiSquare, pValue) = SimulationBasedCalibration.Uniformity(ranks);
        double[] coverage = Coverage(truth, posteriors, levels);
        double nll = 0, squares = 0, bias = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            nll -= posteriors[i].LogDensity(truth[i]);
            double residual = posteriors[i].Quantile(0.5) - truth[i];
            squares += residual * residual;
            bias += residual;
        }

        var errors = coverage.Select((c, l) => Math.Abs(c - levels[l])).ToArray();
        return new EstimatorCalibration(
            ranks, chiSquare, pValue, coverage, errors.Average(), errors.Max(), nll / truth.Count, Math.Sqrt(squares / truth.Count), bias / truth.Count);
    }

    private static double[] Coverage(IReadOnlyList<double> truth, GaussianMixture[] posteriors, IReadOnlyList<double> levels) =>
        SimulationBasedCalibration.CentralCoverage(
            truth, (i, level) => (posteriors[i].Quantile((1 - level) / 2), posteriors[i].Quantile((1 + level) / 2)), levels);

    private static List<BinCalibration> Bins(
        IReadOnlyList<double> truth, IReadOnlyDictionary<string, GaussianMixture[]> estimators, IReadOnlyList<string> labels, IReadOnlyList<double> levels)
    {
        int at68 = IndexOf(levels, 0.68);
        int at95 = IndexOf(levels, 0.95);
        var result = new List<BinCalibration>();
        foreach (string label in labels.Distinct().Order(StringComparer.Ordinal))
        {
            int[] rows = [.. Enumerable.Range(0, truth.Count).Where(i => labels[i] == label)];
            if (rows.Length < 2) continue;
            double[] binTruth = [.. rows.Select(i => truth[i])];
            var coverage = estimators.ToDictionary(kv => kv.Key, kv => Coverage(binTruth, [.. rows.Select(i => kv.Value[i])], levels), StringComparer.Ordinal);
            result.Add(new BinCalibration(
                label,
                rows.Length,
                coverage.ToDictionary(kv => kv.Key, kv => kv.Value[at68], StringComparer.Ordinal),
                coverage.ToDictionary(kv => kv.Key, kv => kv.Value[at95], StringComparer.Ordinal),
                coverage.ToDictionary(kv => kv.Key, kv => kv.Value.Select((c, l) => Math.Abs(c - levels[l])).Average(), StringComparer.Ordinal)));
        }

        return result;
    }

    /// <summary>Which estimator has the smaller mean coverage error, by what factor, and how their scores compare.</summary>
    private static string Verdict(IReadOnlyDictionary<string, EstimatorCalibration> results)
    {
        var ordered = results.OrderBy(kv => kv.Value.MeanAbsCoverageError).ToArray();
        if (ordered.Length < 2)
        {
            var only = ordered[0];
            return string.Create(CultureInfo.InvariantCulture, $"{only.Key}: mean |coverage error| {only.Value.MeanAbsCoverageError:0.000}, rank-uniformity p = {only.Value.RankPValue:G3}.");
        }

        var (bestName, best) = (ordered[0].Key, ordered[0].Value);
        var (nextName, next) = (ordered[1].Key, ordered[1].Value);
        string factor = best.MeanAbsCoverageError > 0 ? $"{next.MeanAbsCoverageError / best.MeanAbsCoverageError:0.0}x smaller" : "zero";
        string score = best.MeanNegativeLogDensity <= next.MeanNegativeLogDensity
            ? $"it also scores better (mean -ln q {best.MeanNegativeLogDensity:0.000} vs {next.MeanNegativeLogDensity:0.000} nats)"
            : $"but scores worse (mean -ln q {best.MeanNegativeLogDensity:0.000} vs {next.MeanNegativeLogDensity:0.000} nats)";
        return string.Create(CultureInfo.InvariantCulture,
            $"Better calibrated: {bestName}, mean |coverage error| over {results[bestName].Coverage.Count} credible levels {best.MeanAbsCoverageError:0.000} " +
            $"vs {next.MeanAbsCoverageError:0.000} for {nextName} ({factor}; largest error {best.MaxAbsCoverageError:0.000} vs {next.MaxAbsCoverageError:0.000}); " +
            $"{score}; rank-uniformity p = {best.RankPValue:G3} vs {next.RankPValue:G3}.");
    }

    private static int IndexOf(IReadOnlyList<double> levels, double level) =>
        levels.Select((l, i) => (Distance: Math.Abs(l - level), Index: i)).Min().Index;
}
