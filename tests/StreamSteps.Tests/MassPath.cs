using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.MassInference;

namespace StreamProcessor.StreamSteps.Tests;

/// <summary>The catalogue path's two steps as the services run them: catalogues → phase-space features → mass posteriors.</summary>
internal static class MassPath
{
    /// <summary>The phase-space step's features for <paramref name="catalogues"/> under <paramref name="options"/> (default profile when null).</summary>
    public static async Task<List<PhaseSpaceFeatures>> FeaturesAsync(IReadOnlyList<ClusterCatalogue> catalogues, PhaseSpaceOptions? options = null)
    {
        var step = new ExtractPhaseSpaceStep(Options.Create(options ?? new PhaseSpaceOptions()), TimeProvider.System);
        var inputs = catalogues.Select((c, i) => StepInputs.At(c, c.ClusterId, Topics.Catalogues, 0, i)).ToList();
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<StepResult<PhaseSpaceFeatures>.Emitted>(r).Outputs))];
    }

    /// <summary>The mass-inference step's posterior for each of <paramref name="features"/>, in order.</summary>
    public static async Task<List<Posterior>> PosteriorsAsync(IMassModel model, ModelBaselines baselines, IReadOnlyList<PhaseSpaceFeatures> features)
    {
        var step = new InferMassStep(model, baselines, TimeProvider.System);
        var inputs = features.Select((f, i) => StepInputs.At(f, f.ClusterId, Topics.PhaseSpaceFeatures, 0, i)).ToList();
        var results = await step.ProcessAsync(inputs, CancellationToken.None);
        return [.. results.Select(r => Assert.Single(Assert.IsType<StepResult<Posterior>.Emitted>(r).Outputs))];
    }
}
