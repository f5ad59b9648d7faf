using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Torch;

namespace StreamProcessor.MapInference;

/// <summary>
/// The map models the service serves, one per channel set: the multifield model for records carrying X-ray and HI,
/// and single-field models for records whose join ran out of time with one field (map-features publishes what
/// arrived). One device decision for all of them (TorchDevices.Select, once).
/// </summary>
public sealed class MapModelSet : IDisposable
{
    private readonly IReadOnlyList<IMapModel> _models;
    private readonly IReadOnlyList<IDisposable> _owned;

    /// <summary>Serves <paramref name="models"/>; at most one per channel list.</summary>
    public MapModelSet(IReadOnlyList<IMapModel> models)
        : this(models, [])
    {
    }

    public MapModelSet(IOptions<MapInferenceOptions> options, ILogger<MapModelSet> logger)
        : this(LoadAll(options.Value, message => logger.LogInformation("{Message}", message)))
    {
    }

    private MapModelSet(IReadOnlyList<IMapModel> models, IReadOnlyList<IDisposable> owned)
    {
        if (models.Count == 0) throw new ArgumentException("At least one map model is needed.", nameof(models));
        var duplicate = models.GroupBy(m => m.Layout.ChannelLabel).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Two models read the same channels ({duplicate.Key}).", nameof(models));
        _models = models;
        _owned = owned;
    }

    private MapModelSet((IReadOnlyList<IMapModel> Models, IReadOnlyList<IDisposable> Owned) loaded)
        : this(loaded.Models, loaded.Owned)
    {
    }

    /// <summary>The models, in configuration order.</summary>
    public IReadOnlyList<IMapModel> Models => _models;

    /// <summary>The model that reads exactly <paramref name="channels"/>, in that order; null when none does.</summary>
    public IMapModel? For(IReadOnlyList<SkyMapFieldKind> channels) =>
        _models.FirstOrDefault(m => m.Layout.Channels.SequenceEqual(channels));

    /// <summary>The channel sets served, e.g. "xray+hi, xray", for rejection reasons.</summary>
    public string Served => string.Join(", ", _models.Select(m => m.Layout.ChannelLabel));

    public void Dispose()
    {
        foreach (var model in _owned) model.Dispose();
    }

    private static (IReadOnlyList<IMapModel>, IReadOnlyList<IDisposable>) LoadAll(MapInferenceOptions options, Action<string> log)
    {
        var device = TorchDevices.Select(options.Device, log);
        var models = new List<TorchMapModel>();
        try
        {
            foreach (string path in options.ModelPaths)
            {
                var model = TorchMapModel.Load(path, device, options.MaxInferenceBatch);
                models.Add(model);
                log($"Loaded {model.Name} {model.Version} from {model.Folder} on {model.DeviceName} (card {model.CardSha256[..12]}): " +
                    $"{model.Layout.ChannelLabel}, {model.Layout.Side}x{model.Layout.Side} at {model.Layout.PixelKpc} kpc, limits {model.Layout.LimitsProfile} -> {model.ParameterNames.Count} parameters");
            }
        }
        catch
        {
            foreach (var model in models) model.Dispose();
            throw;
        }

        return (models, models);
    }
}
