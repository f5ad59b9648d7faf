using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.FeatureExtraction;

public static class PhaseSpaceRegistration
{
    /// <summary>The survey limit profiles and the catalogues → features.phase-space worker.</summary>
    public static WebApplicationBuilder AddPhaseSpaceExtraction(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PhaseSpaceOptions>().BindConfiguration(PhaseSpaceOptions.Section);
        return builder.AddStreamWorker<ClusterCatalogue, PhaseSpaceFeatures, ExtractPhaseSpaceStep>(
            new StreamWorkerDefinition(ExtractPhaseSpaceStep.ServiceName, Topics.Catalogues, Topics.PhaseSpaceFeatures));
    }
}
