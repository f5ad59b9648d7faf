using StreamProcessor.Contracts.Messages;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using static TorchSharp.torch;

namespace StreamProcessor.MapInference;

/// <summary>
/// A complete map model bundle (weights, card.json, map-layout.json) whose CNN is freshly initialised from a seed, not
/// trained: what `pipeline maps` and `bench maps` serve when no trained bundle exists yet, and what the tests serve. Its
/// posteriors mean nothing; its shape, card, layout and loading path are those of a trained bundle. Targets are centred
/// on each prior with a quarter of its width as the standard deviation, so outputs land inside the priors.
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
        TorchRuntime.EnsureLoaded();
        var spec = NetworkSpec.ForMaps(layout.Channels.Count, layout.Side, pooling, parameters.Count, baseChannels, dropoutProbability: 0.0);
        manual_seed(seed);
        var normalisation = new ModelNormalisation(1.0, false, 1.0,
            [.. parameters.Select(p => (p.PriorMin + p.PriorMax) / 2)],
            [.. parameters.Select(p => (p.PriorMax - p.PriorMin) / 4)]);
        using var model = new MomentModel(spec.CreateNetwork(), normalisation, CPU);
        var card = new ModelCard
        {
            // The trainer's names (cgm-multifield-cnn, cgm-xray-cnn, cgm-hi-cnn), marked untrained.
            ModelName = layout.Channels.Count > 1 ? "cgm-multifield-cnn-untrained" : $"cgm-{layout.ChannelLabel}-cnn-untrained",
            ModelVersion = $"untrained-seed{seed}",
            CodeVersion = ModelBundle.CodeVersion,
            CreatedUtc = DateTimeOffset.UnixEpoch,
            TrainingData = "none: weights drawn from the seed, never trained",
            Seed = seed,
            Normalisation = normalisation,
            Architecture = spec,
            InputShape = spec.InputShape,
            ParameterNames = [.. parameters.Select(p => p.Name)],
            Parameters = parameters,
            FeatureDomain = featureDomain,
        };
        var written = ModelBundle.Save(folder, model, card);
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
