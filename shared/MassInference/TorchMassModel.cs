using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;

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
    public TrainingDomain? TrainingDomain => _bundle.Card.TrainingDomain;

    public (double[] Mean, double[] Sigma) Predict(ReadOnlySpan<float> images, int count)
    {
        var predictions = _bundle.Model.Predict(images, count, _maxBatch);
        return (predictions.Mean, predictions.Sigma);
    }

    public void Dispose() => _bundle.Dispose();
}
