using MathNet.Numerics.Distributions;

namespace StreamProcessor.Evaluation;

/// <summary>
/// Calibration metrics of a moment network's (μ, σ) outputs against the truth θ (reference sheet §8; Jeffrey &amp;
/// Wandelt 2020, arXiv:2011.05991; Villaescusa-Navarro et al. 2022, CAMELS multifield, arXiv:2109.10915 §4).
/// Coverage convention: the fraction with |θ − μ| &lt; k σ, where k = Φ⁻¹((1 + p)/2) for a central Gaussian interval of
/// probability p. So "68 %" uses k = 1 (expected 0.6827) and "95 %" uses k = 1.96 (expected 0.9500).
/// </summary>
public static class Metrics
{
    /// <summary>k = 1: the reference sheet's "68 % coverage = fraction with |θ−μ| &lt; σ" (expected 0.6827 for a Gaussian).</summary>
    public const double OneSigma = 1.0;

    /// <summary>k = 1.96 = Φ⁻¹(0.975): the central 95 % Gaussian interval.</summary>
    public const double NinetyFiveSigma = 1.959963984540054;

    /// <summary>Fraction of samples with |θ − μ| &lt; k σ.</summary>
    public static double Coverage(ReadOnlySpan<double> truth, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma, double k)
    {
        RequireMoments(truth, mean, sigma);
        if (!(k > 0 && double.IsFinite(k))) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be positive and finite.");
        int inside = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            if (Math.Abs(truth[i] - mean[i]) < k * sigma[i]) inside++;
        }
        return inside / (double)truth.Length;
    }

    /// <summary>Fraction inside the central Gaussian interval of probability <paramref name="confidenceLevel"/> (0 &lt; p &lt; 1).</summary>
    public static double CoverageAtLevel(ReadOnlySpan<double> truth, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma, double confidenceLevel) =>
        Coverage(truth, mean, sigma, HalfWidthInSigma(confidenceLevel));

    /// <summary>k = Φ⁻¹((1 + p)/2): the half-width, in σ, of the central Gaussian interval of probability p.</summary>
    public static double HalfWidthInSigma(double confidenceLevel)
    {
        if (!(confidenceLevel is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Need 0 < p < 1.");
        return Normal.InvCDF(0, 1, 0.5 * (1 + confidenceLevel));
    }

    /// <summary>
    /// Expected versus observed coverage at each level: the calibration curve. A calibrated posterior lies on the
    /// diagonal; below it the σ are too small (over-confident), above it too large.
    /// </summary>
    public static IReadOnlyList<CalibrationPoint> CalibrationCurve(
        ReadOnlySpan<double> truth, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma, IReadOnlyList<double> confidenceLevels)
    {
        ArgumentNullException.ThrowIfNull(confidenceLevels);
        var points = new CalibrationPoint[confidenceLevels.Count];
        for (int i = 0; i < points.Length; i++)
        {
            double p = confidenceLevels[i];
            points[i] = new CalibrationPoint(p, CoverageAtLevel(truth, mean, sigma, p));
        }
        return points;
    }

    /// <summary>Confidence levels 0.05, 0.10, …, 0.95 and 0.99: the default grid of the calibration curve.</summary>
    public static IReadOnlyList<double> DefaultConfidenceLevels { get; } =
        [.. Enumerable.Range(1, 19).Select(i => i * 0.05), 0.99];

    /// <summary>Reduced χ² = ⟨((θ − μ)/σ)²⟩ (reference sheet §8): ≈ 1 when σ is honest, &gt; 1 when over-confident.</summary>
    public static double ReducedChiSquared(ReadOnlySpan<double> truth, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma)
    {
        RequireMoments(truth, mean, sigma);
        double sum = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            double z = (truth[i] - mean[i]) / sigma[i];
            sum += z * z;
        }
        return sum / truth.Length;
    }

    /// <summary>Mean of the predicted σ (dex for log masses).</summary>
    public static double MeanSigma(ReadOnlySpan<double> sigma)
    {
        if (sigma.IsEmpty) throw new ArgumentException("Need at least one σ.", nameof(sigma));
        double sum = 0;
        foreach (double s in sigma) sum += s;
        return sum / sigma.Length;
    }

    /// <summary>Coefficient of determination R² = 1 − Σ(θ − μ)² / Σ(θ − θ̄)² (reference sheet §8).</summary>
    public static double RSquared(ReadOnlySpan<double> truth, ReadOnlySpan<double> mean)
    {
        RequireSameLength(truth.Length, mean.Length);
        if (truth.Length < 2) throw new ArgumentException("R² needs at least two samples.", nameof(truth));
        double average = 0;
        foreach (double t in truth) average += t;
        average /= truth.Length;
        double residual = 0;
        double total = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            residual += (truth[i] - mean[i]) * (truth[i] - mean[i]);
            total += (truth[i] - average) * (truth[i] - average);
        }
        if (total == 0) throw new ArgumentException("All true values are equal; R² is undefined.", nameof(truth));
        return 1 - (residual / total);
    }

    internal static void RequireSameLength(int a, int b)
    {
        if (a != b) throw new ArgumentException($"Arrays differ in length ({a} vs {b}).");
    }

    private static void RequireMoments(ReadOnlySpan<double> truth, ReadOnlySpan<double> mean, ReadOnlySpan<double> sigma)
    {
        RequireSameLength(truth.Length, mean.Length);
        RequireSameLength(truth.Length, sigma.Length);
        if (truth.IsEmpty) throw new ArgumentException("Need at least one sample.", nameof(truth));
        foreach (double s in sigma)
        {
            if (!(s > 0 && double.IsFinite(s))) throw new ArgumentOutOfRangeException(nameof(sigma), s, "Every σ must be positive and finite.");
        }
    }
}
