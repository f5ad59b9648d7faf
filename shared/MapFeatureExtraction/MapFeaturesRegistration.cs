using Microsoft.AspNetCore.Builder;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

namespace StreamProcessor.MapFeatureExtraction;

public static class MapFeaturesRegistration
{
    /// <summary>The map options (checked at start-up) and the maps → features.maps worker with its join.</summary>
    public static WebApplicationBuilder AddMapFeatures(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MapFeaturesOptions>(MapFeaturesOptions.Section);
        return builder.AddStreamWorker<SkyMap, MapFeatures, ExtractMapFeaturesStep>(
            new StreamWorkerDefinition(ExtractMapFeaturesStep.ServiceName, Topics.Maps, Topics.MapFeatures));
    }
}
