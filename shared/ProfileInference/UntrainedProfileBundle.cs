using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using static TorchSharp.torch;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// A complete profile model bundle whose MLP is freshly initialised from a seed, not trained: what `bench profiles`
/// times when no trained bundle exists yet, and what the tests serve. Its posteriors mean nothing; its shape, card,
/// layout and loading path are those of a trained bundle. Targets are centred on each prior with a quarter of its width
/// as the standard deviation, so outputs land inside the priors.
/// </summary>
public static class UntrainedProfileBundle
{
    /// <summary>Writes the bundle to <paramref name="folder"/> (created if needed) and returns its card.</summary>
    public static ModelCard Save(
        string folder,
        ProfileLayout layout,
        IReadOnlyList<ParameterDefinition> parameters,
        IReadOnlyList<int> hiddenWidths,
        int seed,
        FeatureDomain? featureDomain = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(parameters);
        TorchRuntime.EnsureLoaded();
        var spec = NetworkSpec.Mlp(layout.Validated().FeatureCount, parameters.Count, hiddenWidths, dropoutProbability: 0.0);
        manual_seed(seed);
        var normalisation = new ModelNormalisation(1.0, false, 1.0,
            [.. parameters.Select(p => (p.PriorMin + p.PriorMax) / 2)],
            [.. parameters.Select(p => (p.PriorMax - p.PriorMin) / 4)]);
        using var model = new MomentModel(spec.CreateNetwork(), normalisation, CPU);
        var card = new ModelCard
        {
            ModelName = "profile-params-mlp-untrained",
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
        ProfileLayoutFile.Write(folder, layout);
        return written;
    }
}
