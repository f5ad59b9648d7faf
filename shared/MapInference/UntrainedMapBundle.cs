using StreamProcessor.Contracts.Messages;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;

namespace StreamProcessor.MapInference;

/// <summary>
/// A complete map model bundle (weights, card.json, map-layout.json) whose CNN is freshly initialised from a seed, not
/// trained (<see cref="UntrainedBundle"/> plus the map layout): what `pipeline maps` and `bench maps` serve when no
/// trained bundle exists, and what the tests serve. Its posteriors mean nothing.
/// </summary>
public static class UntrainedMapBundle
{
    /// <summary>The trainer's default input pooling (services/trainer `maps train --pooling`: 2).</summary>
    public const int DefaultPooling = 2;

    /// <summary>Writes the bundle to <paramref name="folder"/> (created if needed) and returns its card.</summary>
    public static ModelCard Save(
        string folder,
        MapModelLayout layout,
        IReadOnlyList<ParameterDefinition> parameters,
        int baseChannels,
        int seed,
        FeatureDomain? featureDomain = null,
        int pooling = DefaultPooling)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(parameters);
        var spec = NetworkSpec.ForMaps(layout.Channels.Count, layout.Side, pooling, parameters.Count, baseChannels, dropoutProbability: 0.0);
        // The trainer's names (cgm-multifield-cnn, cgm-xray-cnn, cgm-hi-cnn), marked untrained.
        string name = layout.Channels.Count > 1 ? "cgm-multifield-cnn-untrained" : $"cgm-{layout.ChannelLabel}-cnn-untrained";
        var written = UntrainedBundle.Save(folder, name, spec, parameters, seed, featureDomain);
        layout.Write(folder);
        return written;
    }

    /// <summary>
    /// The layout of the served set's model reading <paramref name="channels"/>: the trainer's 128 × 4 kpc grid, the
    /// erass4-mhongoose survey profile at z = 0.01 and tng-like maps, as the shipped CGM models are trained.
    /// </summary>
    public static MapModelLayout ServedLayout(IReadOnlyList<SkyMapFieldKind> channels) =>
        new(channels, Side: 128, PixelKpc: 4.0, LimitsProfile: "erass4-mhongoose", GalaxyFormationModel: "tng-like");
}
