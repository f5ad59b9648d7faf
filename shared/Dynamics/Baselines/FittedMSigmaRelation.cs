using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// The fair M–σ baseline of Ho et al. (2019), arXiv:1902.05950 §4 (reference sheet §3): fit
/// log10 σ = α log10(M200c / pivot) + β by ordinary least squares on a training set, then invert it,
/// log10 M = log10 pivot + (log10 σ − β)/α. Masses in h⁻¹ M☉, σ in km/s. Serialisable with System.Text.Json so it
/// can travel with a model card.
/// </summary>
/// <param name="Alpha">Slope α.</param>
/// <param name="Beta">Intercept β = log10(σ / km s⁻¹) at the pivot mass.</param>
/// <param name="PivotMassMsunOverH">The pivot, 1e15 h⁻¹ M☉ by default.</param>
/// <param name="ResidualScatterDex">RMS of the log10 σ residuals on the training set.</param>
/// <param name="TrainingCount">Number of (cluster, line of sight) samples fitted.</param>
/// <param name="Estimator">The dispersion estimator σ was measured with; use the same one when predicting.</param>
public sealed record FittedMSigmaRelation(
    double Alpha,
    double Beta,
    double PivotMassMsunOverH,
    double ResidualScatterDex,
    int TrainingCount,
    DispersionEstimator Estimator)
{
    public const double DefaultPivotMassMsunOverH = 1e15;

    // Enum as its name, so a model card stays readable.
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Least-squares fit of log10 σ on log10(M/pivot); needs ≥ 3 samples with distinct masses.</summary>
    public static FittedMSigmaRelation Fit(
        IReadOnlyList<double> log10M200c,
        IReadOnlyList<double> sigmaKmPerS,
        DispersionEstimator estimator = DispersionEstimator.SampleStandardDeviation,
        double pivotMassMsunOverH = DefaultPivotMassMsunOverH)
    {
        ArgumentNullException.ThrowIfNull(log10M200c);
        ArgumentNullException.ThrowIfNull(sigmaKmPerS);
        if (log10M200c.Count != sigmaKmPerS.Count) throw new ArgumentException("Masses and dispersions differ in length.", nameof(sigmaKmPerS));
        int n = log10M200c.Count;
        if (n < 3) throw new ArgumentException("A fit needs at least three samples.", nameof(log10M200c));

        double log10Pivot = Math.Log10(pivotMassMsunOverH);
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaKmPerS[i]);
            meanX += log10M200c[i] - log10Pivot;
            meanY += Math.Log10(sigmaKmPerS[i]);
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = log10M200c[i] - log10Pivot - meanX;
            sxx += dx * dx;
            sxy += dx * (Math.Log10(sigmaKmPerS[i]) - meanY);
        }
        if (sxx <= 0) throw new ArgumentException("The training masses are all equal; the slope is undefined.", nameof(log10M200c));
        double alpha = sxy / sxx;
        double beta = meanY - (alpha * meanX);
        double sumSquares = 0;
        for (int i = 0; i < n; i++)
        {
            double residual = Math.Log10(sigmaKmPerS[i]) - (alpha * (log10M200c[i] - log10Pivot)) - beta;
            sumSquares += residual * residual;
        }
        return new FittedMSigmaRelation(alpha, beta, pivotMassMsunOverH, Math.Sqrt(sumSquares / n), n, estimator);
    }

    /// <summary>Fits on simulated clusters, measuring σ of all listed galaxies (interlopers included) with <paramref name="estimator"/>.</summary>
    public static FittedMSigmaRelation Fit(IEnumerable<ProjectedCluster> trainingSet, DispersionEstimator estimator = DispersionEstimator.SampleStandardDeviation)
    {
        ArgumentNullException.ThrowIfNull(trainingSet);
        var log10M = new List<double>();
        var sigma = new List<double>();
        foreach (ProjectedCluster cluster in trainingSet)
        {
            log10M.Add(cluster.Log10M200c);
            sigma.Add(VelocityDispersion.Estimate(cluster.VLosKmPerS, estimator));
        }
        return Fit(log10M, sigma, estimator);
    }

    /// <summary>σ in km/s predicted for M200c in h⁻¹ M☉.</summary>
    public double SigmaKmPerS(double m200cMsunOverH)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m200cMsunOverH);
        return Math.Pow(10, (Alpha * Math.Log10(m200cMsunOverH / PivotMassMsunOverH)) + Beta);
    }

    /// <summary>The inverse: log10(M200c / h⁻¹ M☉) for a measured σ in km/s.</summary>
    public double PredictLog10M200c(double sigmaKmPerS)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigmaKmPerS);
        return Math.Log10(PivotMassMsunOverH) + ((Math.Log10(sigmaKmPerS) - Beta) / Alpha);
    }

    /// <summary>log10 M200c predicted for a cluster from the dispersion of its listed galaxies.</summary>
    public double PredictLog10M200c(ProjectedCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return PredictLog10M200c(VelocityDispersion.Estimate(cluster.VLosKmPerS, Estimator));
    }

    /// <summary>
    /// Standard deviation (about the mean) of log10(M_pred/M_true) over clusters with true log10 M in
    /// [<paramref name="log10MMin"/>, <paramref name="log10MMax"/>]: the number Ho+2019 quote (≈ 0.37 dex on contaminated data).
    /// </summary>
    public double MassScatterDex(IEnumerable<ProjectedCluster> clusters, double log10MMin = 14, double log10MMax = 15)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var residuals = clusters
            .Where(c => c.Log10M200c >= log10MMin && c.Log10M200c <= log10MMax)
            .Select(c => PredictLog10M200c(c) - c.Log10M200c)
            .ToArray();
        if (residuals.Length < 2) throw new ArgumentException("Need at least two clusters in the mass range.", nameof(clusters));
        double mean = residuals.Average();
        return Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / (residuals.Length - 1));
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static FittedMSigmaRelation FromJson(string json) =>
        JsonSerializer.Deserialize<FittedMSigmaRelation>(json, JsonOptions)
        ?? throw new JsonException("The JSON holds no fitted M–σ relation.");
}
