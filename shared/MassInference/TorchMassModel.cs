using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;

namespace StreamProcessor.MassInference;

/// <summary>The shipped CNN bundle, validated against its card at load, on the device TorchDevices chose.</summary>
public sealed class TorchMassModel : IMassModel, IDisposable
{
    private readonly ModelBundle _bundle;
    private readonly int _maxBatch;

    public TorchMassModel(IOptions<MassInferenceOptions> options, ILogger<TorchMassModel> logger)
    {
        var settings = options.Value;
        string folder = ModelFolder.Resolve(settings.ModelPath);
        var device = TorchDevices.Select(settings.Device, message => logger.LogInformation("{Message}", message));
        _bundle = ModelBundle.Load(folder, device);
        _maxBatch = settings.MaxInferenceBatch;
        DeviceName = device.type.ToString().ToLowerInvariant();
        CardSha256 = ModelFolder.CardSha256(folder);
        Folder = folder;
        logger.LogInformation("Loaded {Model} {Version} from {Folder} on {Device} (card {Hash})", Name, Version, folder, DeviceName, CardSha256[..12]);
    }

    public string Folder { get; }
    public string Name => _bundle.Card.ModelName;
    public string Version => _bundle.Card.ModelVersion;
    public string CardSha256 { get; }
    public string DeviceName { get; }
    public int InputLength => _bundle.Model.InputLength;
    public MassModelInput Input => _bundle.Card.Architecture.ArchitectureId == NetworkSpec.Cnn3DId ? MassModelInput.Kde3D : MassModelInput.Kde2D;
    public TrainingDomain? TrainingDomain => _bundle.Card.TrainingDomain;

    public (double[] Mean, double[] Sigma) Predict(ReadOnlySpan<float> images, int count)
    {
        var predictions = _bundle.Model.Predict(images, count, _maxBatch);
        return (predictions.Mean, predictions.Sigma);
    }

    public IReadOnlyList<double>? QuantileLevels => _bundle.PosteriorHead is null ? null : _bundle.Card.PosteriorHead?.QuantileLevels;

    /// <summary>Moments and, with a posterior head, its quantiles; one pass through the network gives both.</summary>
    public (double[] Mean, double[] Sigma, double[]? Quantiles) PredictPosteriors(ReadOnlySpan<float> images, int count)
    {
        if (_bundle.PosteriorHead is not { } head || QuantileLevels is not { } levels)
        {
            var (mean, sigma) = Predict(images, count);
            return (mean, sigma, null);
        }

        var embeddings = new float[count * head.Network.Spec.InputFeatures];
        var moments = _bundle.Model.PredictWithEmbeddings(images, count, _maxBatch, embeddings);
        var posteriors = head.Posteriors(embeddings, count);
        var quantiles = new double[count * levels.Count];
        for (int i = 0; i < count; i++)
        {
            for (int l = 0; l < levels.Count; l++) quantiles[(i * levels.Count) + l] = posteriors[i].Quantile(levels[l]);
        }

        return (moments.Mean, moments.Sigma, quantiles);
    }

    public void Dispose() => _bundle.Dispose();
}
