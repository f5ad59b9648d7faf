using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Kafka;

namespace StreamProcessor.MassFunctionAggregation;

public static class MassFunctionRegistration
{
    /// <summary>
    /// The "MassFunction" options (validated at start) and the posteriors.mass → massfunction service. Needs
    /// AddServiceDefaults (Kafka, health) and AddCodecs (the posterior and mass-function codecs) first. Relative
    /// "MassFunction:Surveys:n:SelectionCalibrationFile" paths are resolved against the working directory at start-up.
    /// </summary>
    public static WebApplicationBuilder AddMassFunction(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<MassFunctionOptions>, MassFunctionOptionsValidator>();
        // A relative SelectionCalibrationFile is read from the working directory at start-up, not from the content root
        // (ServiceDefaults puts that in the service's binary folder, for its appsettings.json).
        string workingDirectory = Directory.GetCurrentDirectory();
        builder.Services.AddOptions<MassFunctionOptions>().BindConfiguration(MassFunctionOptions.Section)
            .PostConfigure(options => options.ResolveSelectionCalibrationFiles(workingDirectory))
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MassFunctionOptions>>().Value;
            string? groupFromSwitch = sp.GetRequiredService<IConfiguration>()["Worker:GroupId"];
            return new MassFunctionService(
                options with { GroupId = options.GroupId ?? groupFromSwitch },
                sp.GetRequiredService<IMessageCodec<Posterior>>(),
                sp.GetRequiredService<IMessageCodec<MassFunctionUpdate>>(),
                sp.GetRequiredService<KafkaClientFactory>(),
                sp.GetRequiredService<WorkerHealth>(),
                sp.GetRequiredService<ILogger<MassFunctionService>>(),
                sp.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MassFunctionService>());
        return builder;
    }
}
