using StreamProcessor.Torch;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.MapInference;

/// <summary>
/// A map model bundle (weights, card.json, map-layout.json) on the device TorchDevices chose, checked at load: the
/// layout must give as many values as the network reads, the card must define every parameter (each posterior carries
/// names and units), and a feature domain, when present, must hold the three summaries of every channel.
/// </summary>
public sealed class TorchMapModel : IMapModel, IDisposable
{
    private readonly ModelBundle _bundle;
    private readonly int _maxBatch;

    private TorchMapModel(string folder, TorchSharp.torch.Device device, int maxInferenceBatch)
    {
        Layout = MapModelLayout.Read(folder);
        _bundle = ModelBundle.Load(folder, device);
        try
        {
            var card = _bundle.Card;
            if (card.Parameters is not { } definitions || !definitions.Select(p => p.Name).SequenceEqual(card.ParameterNames))
            {
                throw new ModelCardException($"The card in '{folder}' must define every output parameter in card.parameters, in output order.");
            }

            if (Layout.InputLength != _bundle.Model.InputLength)
            {
                throw new ModelCardException($"{MapModelLayout.FileName} in '{folder}' gives {Layout.InputLength} values; the network reads {_bundle.Model.InputLength}.");
            }

            if (card.FeatureDomain is { } domain && domain.Ranges.Count != Layout.Channels.Count * MapSummary.Statistics.Count)
            {
                throw new ModelCardException($"The card's feature domain in '{folder}' has {domain.Ranges.Count} ranges; {Layout.Channels.Count} channels need {Layout.Channels.Count * MapSummary.Statistics.Count}.");
            }

            ParameterUnits = [.. definitions.Select(p => p.Unit)];
        }
        catch
        {
            _bundle.Dispose();
            throw;
        }

        _maxBatch = maxInferenceBatch;
        Folder = folder;
        DeviceName = device.type.ToString().ToLowerInvariant();
        CardSha256 = ModelFolder.CardSha256(folder);
    }

    /// <summary>Loads the bundle in <paramref name="folder"/> (resolved by <see cref="ModelFolder.Resolve"/>) on <paramref name="device"/>.</summary>
    /// <exception cref="ModelCardException">The bundle, its card or its layout failed a check; the message says which.</exception>
    public static TorchMapModel Load(string folder, TorchSharp.torch.Device device, int maxInferenceBatch = MomentModel.DefaultMaxBatch) =>
        new(ModelFolder.Resolve(folder), device, maxInferenceBatch);

    public string Folder { get; }
    public string Name => _bundle.Card.ModelName;
    public string Version => _bundle.Card.ModelVersion;
    public string CardSha256 { get; }
    public string DeviceName { get; }
    public MapModelLayout Layout { get; }
    public IReadOnlyList<string> ParameterNames => _bundle.Card.ParameterNames;
    public IReadOnlyList<string> ParameterUnits { get; }
    public FeatureDomain? FeatureDomain => _bundle.Card.FeatureDomain;

    public MomentPredictions Predict(ReadOnlySpan<float> maps, int count) => _bundle.Model.Predict(maps, count, _maxBatch);

    public void Dispose() => _bundle.Dispose();
}
