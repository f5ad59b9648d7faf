using Microsoft.AspNetCore.Builder;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting;
using StreamProcessor.MassFunctionAggregation;
using StreamProcessor.MassInference;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// Every service of the catalogue path in one process, on the embedded broker unless --bootstrap is given:
/// what the main job and the stream benchmark run. Each service also runs alone from services/.
/// </summary>
public static class CataloguePathHost
{
    public static WebApplication Build(string[] serviceArgs, bool withMassFunction = true)
    {
        var builder = ServiceDefaults.CreateServiceBuilder(serviceArgs);
        builder.AddServiceDefaults(serviceArgs);
        builder.AddCodecs();
        builder.AddPhaseSpaceExtraction();
        builder.AddMassInference();
        if (withMassFunction) builder.AddMassFunction();
        var app = builder.Build();
        app.MapServiceDefaults();
        return app;
    }
}
