using Microsoft.AspNetCore.Builder;
using StreamProcessor.Hosting;
using StreamProcessor.MapFeatureExtraction;
using StreamProcessor.MapInference;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// The map path in one process (map-features and map-inference on the embedded broker unless --bootstrap is given):
/// what `pipeline maps` and `bench maps` run. Each service also runs alone from services/map-features and
/// services/map-inference.
/// </summary>
public static class MapPathHost
{
    public static WebApplication Build(string[] serviceArgs)
    {
        var builder = ServiceDefaults.CreateServiceBuilder(serviceArgs);
        builder.AddServiceDefaults(serviceArgs);
        builder.AddCodecs();
        builder.AddMapFeatures();
        builder.AddMapInference();
        var app = builder.Build();
        app.MapServiceDefaults();
        return app;
    }
}
