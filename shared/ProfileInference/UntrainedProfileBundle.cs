using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Models;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// A complete profile model bundle whose MLP is freshly initialised from a seed, not trained (<see cref="UntrainedBundle"/>
/// plus the profile layout): what `bench profiles` times when no trained bundle exists, and what the tests serve. Its
/// posteriors mean nothing.
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
        var spec = NetworkSpec.Mlp(layout.Validated().FeatureCount, parameters.Count, hiddenWidths, dropoutProbability: 0.0);
        var written = UntrainedBundle.Save(folder, "profile-params-mlp-untrained", spec, parameters, seed, featureDomain);
        ProfileLayoutFile.Write(folder, layout);
        return written;
    }
}
