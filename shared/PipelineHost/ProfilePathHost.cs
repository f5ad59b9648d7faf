using Microsoft.AspNetCore.Builder;
using StreamProcessor.Hosting;
using StreamProcessor.ProfileInference;

namespace StreamProcessor.PipelineHost;

/// <summary>
/// The stacked-profile path in one process (profile-inference on the embedded broker unless --bootstrap is given):
/// what `pipeline profiles` runs. The service also runs alone from services/profile-inference.
/// </summary>
public static class ProfilePathHost
{
    public static WebApplication Build(string[] serviceArgs)
    {
        var builder = ServiceDefaults.CreateServiceBuilder(serviceArgs);
        builder.AddServiceDefaults(serviceArgs);
        builder.AddCodecs();
        builder.AddProfileInference();
        var app = builder.Build();
        app.MapServiceDefaults();
        return app;
    }
}
