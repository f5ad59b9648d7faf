using System.Text.Json;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// The distribution-regression mass baseline: log10 M200c = b + w·ψ(P̂), where ψ is the kernel mean embedding of the
/// cluster's member sample plus z terms (<see cref="DistributionEmbedding"/>) and (w, b) come from ridge regression on
/// simulated clusters (<see cref="DistributionRegressionFitter"/>). It is the kernel-embedding form (Szabó et al. 2016,
/// JMLR 17(152)) of the support distribution machine Ntampaka et al. (2015, ApJ 803, 50; 2016, ApJ 831, 135) used to
/// learn dynamical masses from the (R_proj, v_los) sample, with random Fourier features (Rahimi &amp; Recht 2007) in place of
/// their kernel between samples. It sees the same kept members as the CNN's image and no summary statistic, so it is
/// the learned baseline the CNN must beat. Serialisable with System.Text.Json: the file holds everything a prediction
/// needs (the drawn features, bandwidth, scales, λ, weights), so predictions reproduce without the training data.
/// </summary>
/// <param name="Seed">Seed the random Fourier features were drawn with (provenance; the draws themselves are in <paramref name="Embedding"/>).</param>
/// <param name="Embedding">Features, bandwidth and coordinate scales.</param>
/// <param name="RidgeLambda">λ per sample chosen on the held-out part of the fitting data.</param>
/// <param name="Weights">w, one per regressor of <paramref name="Embedding"/> (embedding features, then z and z²).</param>
/// <param name="Intercept">b, in log10(h⁻¹ M☉).</param>
/// <param name="TrainingCount">Clusters (views) in the final fit (fitting part and held-out part together).</param>
/// <param name="ValidationCount">Clusters in the held-out part that chose the bandwidth and λ.</param>
/// <param name="ValidationRmsDex">RMS of log10(M_pred/M_true) on that held-out part at the chosen bandwidth and λ (fit on the fitting part only).</param>
public sealed record DistributionRegression(
    ulong Seed,
    DistributionEmbedding Embedding,
    double RidgeLambda,
    double[] Weights,
    double Intercept,
    int TrainingCount,
    int ValidationCount,
    double ValidationRmsDex)
{
    /// <summary>Name of the file that travels with a model bundle.</summary>
    public const string FileName = "distribution-regression.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>D, the number of random Fourier features (written to the JSON for readers; the draws fix it).</summary>
    public int FeatureCount => Embedding.Features.Count;

    /// <summary>
    /// log10(M200c / h⁻¹ M☉) of a cluster from its kept members (R_proj in h⁻¹ Mpc, v_los in km/s) and redshift; null when it
    /// has fewer than <see cref="DistributionEmbedding.MinimumMembers"/> members, any input is not finite, or the two lists differ in length.
    /// </summary>
    public double? PredictLog10M200c(ReadOnlySpan<double> rProjMpcOverH, ReadOnlySpan<double> vLosKmPerS, double redshift)
    {
        if (rProjMpcOverH.Length != vLosKmPerS.Length) return null;
        Span<double> row = Embedding.Length <= 1024 ? stackalloc double[Embedding.Length] : new double[Embedding.Length];
        if (!Embedding.TryWrite(rProjMpcOverH, vLosKmPerS, redshift, row)) return null;
        double log10M = Intercept;
        for (int j = 0; j < row.Length; j++) log10M += Weights[j] * row[j];
        return double.IsFinite(log10M) ? log10M : null;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a saved model and checks that its parts agree (one weight per regressor, positive bandwidth and scales).</summary>
    public static DistributionRegression FromJson(string json)
    {
        DistributionRegression model = JsonSerializer.Deserialize<DistributionRegression>(json, JsonOptions)
            ?? throw new JsonException("The JSON holds no distribution-regression model.");
        RandomFourierFeatures? features = model.Embedding?.Features;
        if (features?.RadiusFrequencies is null || features.VelocityFrequencies is null || features.Phases is null || model.Weights is null
            || features.RadiusFrequencies.Length != features.Count || features.VelocityFrequencies.Length != features.Count
            || model.Weights.Length != model.Embedding!.Length)
        {
            throw new JsonException("The distribution-regression model is incomplete: the features, phases and weights must have matching lengths.");
        }
        if (!(model.Embedding.Bandwidth > 0) || !(model.Embedding.RadiusScaleMpcOverH > 0) || !(model.Embedding.VelocityScaleKmPerS > 0))
        {
            throw new JsonException("The distribution-regression model needs a positive bandwidth and positive coordinate scales.");
        }
        return model;
    }

    /// <summary>Reads <see cref="FileName"/> from a model folder; null when the folder has none.</summary>
    public static DistributionRegression? LoadFrom(string folder)
    {
        string path = Path.Combine(folder, FileName);
        return File.Exists(path) ? FromJson(File.ReadAllText(path)) : null;
    }

    /// <summary>Writes <see cref="FileName"/> into a model folder.</summary>
    public void SaveTo(string folder) => File.WriteAllText(Path.Combine(folder, FileName), ToJson());
}
