using StreamProcessor.Hosting;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunctionService;

/// <summary>The web host of the service: defaults (Kafka or the embedded broker, /metrics, /health), codecs, the massfunction service.</summary>
internal static class ServiceHost
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = ServiceDefaults.CreateServiceBuilder(args);
        builder.AddServiceDefaults(args);
        builder.AddCodecs();
        builder.AddMassFunction();

        var app = builder.Build();
        app.MapServiceDefaults();
        await app.RunAsync(cancellationToken);
        // The service sets 1 when it fails (the host then stops); the command's result is the process exit code.
        return Environment.ExitCode;
    }
}
