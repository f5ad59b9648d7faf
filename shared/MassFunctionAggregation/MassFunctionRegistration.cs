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
    /// AddServiceDefaults (Kafka, health) and AddCodecs (the posterior and mass-function codecs) first.
    /// </summary>
    public static WebApplicationBuilder AddMassFunction(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<MassFunctionOptions>, MassFunctionOptionsValidator>();
        builder.Services.AddOptions<MassFunctionOptions>().BindConfiguration(MassFunctionOptions.Section).ValidateOnStart();
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
