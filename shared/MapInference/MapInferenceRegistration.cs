using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.MapInference;

public static class MapInferenceRegistration
{
    /// <summary>The map models (loaded and checked once, one device decision) and the features.maps → posteriors.cgm worker.</summary>
    public static WebApplicationBuilder AddMapInference(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MapInferenceOptions>(MapInferenceOptions.Section);
        builder.Services.AddSingleton<MapModelSet>();
        return builder.AddStreamWorker<MapFeatures, Posterior, InferCgmStep>(
            new StreamWorkerDefinition(InferCgmStep.ServiceName, Topics.MapFeatures, Topics.CgmPosteriors));
    }
}
