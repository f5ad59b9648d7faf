using System.Security.Cryptography;
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
        string folder = ResolveFolder(settings.ModelPath);
        var device = TorchDevices.Select(settings.Device, message => logger.LogInformation("{Message}", message));
        _bundle = ModelBundle.Load(folder, device);
        _maxBatch = settings.MaxInferenceBatch;
        DeviceName = device.type.ToString().ToLowerInvariant();
        CardSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, ModelBundle.CardFileName))));
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

    /// <summary>The first existing folder among the path itself, below the app folder, and below the repository root.</summary>
    public static string ResolveFolder(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var candidates = new List<string> { Path.GetFullPath(path), Path.Combine(AppContext.BaseDirectory, path) };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, path));
        }

        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, ModelBundle.CardFileName)))
            ?? throw new FileNotFoundException($"No model bundle ({ModelBundle.CardFileName}) found for '{path}'.");
    }
}
