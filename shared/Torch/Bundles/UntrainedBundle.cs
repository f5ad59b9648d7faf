using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// A complete model bundle whose network is freshly initialised from a seed, never trained: what the benchmarks time
/// and the tests serve when no trained bundle exists. Its posteriors mean nothing; its shape, card and loading path are
/// those of a trained bundle. Targets are centred on each prior with a quarter of its width as the standard deviation,
/// so outputs land inside the priors. Each branch adds its own layout file beside it.
/// </summary>
public static class UntrainedBundle
{
    /// <summary>Writes weights and card for <paramref name="spec"/> to <paramref name="folder"/> (created if needed) and returns the card.</summary>
    public static ModelCard Save(string folder, string modelName, NetworkSpec spec, IReadOnlyList<ParameterDefinition> parameters, int seed, FeatureDomain? featureDomain = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(parameters);
        TorchRuntime.EnsureLoaded();
        manual_seed(seed);
        var normalisation = new ModelNormalisation(1.0, false, 1.0,
            [.. parameters.Select(p => (p.PriorMin + p.PriorMax) / 2)],
            [.. parameters.Select(p => (p.PriorMax - p.PriorMin) / 4)]);
        using var model = new MomentModel(spec.CreateNetwork(), normalisation, CPU);
        var card = new ModelCard
        {
            ModelName = modelName,
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
        return ModelBundle.Save(folder, model, card);
    }
}
