using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// A profile model bundle (weights, card.json, profile-layout.json) on the device TorchDevices chose, checked at load:
/// the layout must build as many features as the network reads, the card must define every parameter (name and unit:
/// each posterior carries both) and its feature domain, when present, must cover the layout's features.
/// </summary>
public sealed class TorchProfileModel : IProfileModel, IDisposable
{
    private readonly ModelBundle _bundle;
    private readonly int _maxBatch;

    public TorchProfileModel(IOptions<ProfileInferenceOptions> options, ILogger<TorchProfileModel> logger)
        : this(ModelFolder.Resolve(options.Value.ModelPath), options.Value.Device, options.Value.MaxInferenceBatch, message => logger.LogInformation("{Message}", message))
    {
    }

    private TorchProfileModel(string folder, string device, int maxInferenceBatch, Action<string>? log)
    {
        Layout = ProfileLayoutFile.Read(folder);
        var torchDevice = TorchDevices.Select(device, log);
        _bundle = ModelBundle.Load(folder, torchDevice);
        try
        {
            (ParameterNames, ParameterUnits) = Parameters(_bundle.Card, folder);
            CheckShapes(_bundle, Layout, folder);
        }
        catch
        {
            _bundle.Dispose();
            throw;
        }

        _maxBatch = maxInferenceBatch;
        Folder = folder;
        DeviceName = torchDevice.type.ToString().ToLowerInvariant();
        CardSha256 = ModelFolder.CardSha256(folder);
        if (FeatureDomain is { } domain && !domain.FeatureNames.SequenceEqual(Layout.FeatureNames()))
        {
            log?.Invoke($"The card's feature-domain names differ from the layout's ({domain.FeatureNames[0]} vs {Layout.FeatureNames()[0]}); ranges are matched by position.");
        }

        log?.Invoke($"Loaded {Name} {Version} from {folder} on {DeviceName} (card {CardSha256[..12]}): {Layout.Kinds.Count} kinds x {Layout.RadiiMpcOverH.Count} radii" +
            $"{(Layout.IncludeLog10HaloMass ? " + log10 M_halo" : "")}{(Layout.IncludeLog10StackedObjects ? " + log10 stacked objects" : "")} -> {ParameterNames.Count} parameters");
    }

    /// <summary>Loads the bundle in <paramref name="folder"/> (an absolute or resolvable path) without the host's options.</summary>
    /// <exception cref="ModelCardException">The bundle, its card or its layout failed a check; the message says which.</exception>
    public static TorchProfileModel Load(string folder, string device = "cpu", int maxInferenceBatch = MomentModel.DefaultMaxBatch, Action<string>? log = null) =>
        new(ModelFolder.Resolve(folder), device, maxInferenceBatch, log);

    public string Folder { get; }
    public string Name => _bundle.Card.ModelName;
    public string Version => _bundle.Card.ModelVersion;
    public string CardSha256 { get; }
    public string DeviceName { get; }
    public ProfileLayout Layout { get; }
    public IReadOnlyList<string> ParameterNames { get; }
    public IReadOnlyList<string> ParameterUnits { get; }
    public FeatureDomain? FeatureDomain => _bundle.Card.FeatureDomain;

    public MomentPredictions Predict(ReadOnlySpan<float> features, int count) => _bundle.Model.Predict(features, count, _maxBatch);

    public void Dispose() => _bundle.Dispose();

    private static (IReadOnlyList<string> Names, IReadOnlyList<string> Units) Parameters(ModelCard card, string folder)
    {
        if (card.Parameters is not { } definitions || !definitions.Select(p => p.Name).SequenceEqual(card.ParameterNames))
        {
            throw new ModelCardException(
                $"The card in '{folder}' must define every output parameter ({string.Join(", ", card.ParameterNames.Take(3))}, ...) " +
                "in card.parameters, in output order: each posterior carries the units from there.");
        }

        return (card.ParameterNames, [.. definitions.Select(p => p.Unit)]);
    }

    private static void CheckShapes(ModelBundle bundle, ProfileLayout layout, string folder)
    {
        if (layout.FeatureCount != bundle.Model.InputLength)
        {
            throw new ModelCardException(
                $"{ProfileLayout.FileName} in '{folder}' builds {layout.FeatureCount} features; the network reads {bundle.Model.InputLength}.");
        }

        if (bundle.Card.FeatureDomain is { } domain && (domain.Ranges.Count != layout.FeatureCount || domain.FeatureNames.Count != layout.FeatureCount))
        {
            throw new ModelCardException(
                $"The card's feature domain in '{folder}' covers {domain.Ranges.Count} features; the layout builds {layout.FeatureCount}.");
        }
    }
}
