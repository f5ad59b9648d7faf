using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;
using StreamProcessor.Contracts;
using StreamProcessor.Hosting.Health;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.Kafka;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.Hosting;

/// <summary>What every service gets: Kafka options (or the embedded broker), topics, /metrics, health, logging.</summary>
public static class ServiceDefaults
{
    /// <summary>Command-line switches every service understands, mapped onto configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--bootstrap"] = "Kafka:BootstrapServers",
        ["--group"] = "Worker:GroupId",
        ["--metrics-url"] = "urls",
    };

    /// <summary>A builder whose content root is the service's own folder, so its appsettings.json is found from any directory.</summary>
    public static WebApplicationBuilder CreateServiceBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string[] args)
    {
        // .NET event counters and meters are exported by prometheus-net under names that break Prometheus naming
        // rules (promtool check metrics: "_total"/"_count" on gauges); the process metrics stay.
        Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true, SuppressDebugMetrics = true });
        builder.Configuration.AddCommandLine(args, SwitchMappings.ToDictionary());
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://127.0.0.1:9400");

        var kafka = builder.Configuration.GetSection(KafkaOptions.Section).Get<KafkaOptions>() ?? new KafkaOptions();
        if (string.IsNullOrWhiteSpace(kafka.BootstrapServers))
        {
            // No broker given: serve one in this process (development, demo, CI).
            var cluster = EmbeddedKafkaCluster.Start();
            cluster.CreateTopics(TopicCatalog.All);
            builder.Services.AddSingleton(cluster);
            kafka = kafka with { BootstrapServers = cluster.BootstrapServers, TopicProvisioning = TopicProvisioningMode.None };
        }

        builder.Services.AddSingleton(kafka);
        builder.Services.AddSingleton<KafkaClientFactory>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkerHealth>();
        builder.Services.AddHostedService<TopicProvisioningService>();
        builder.Services.AddHealthChecks().AddCheck<WorkerHealth>("workers", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// Binds configuration section <paramref name="section"/> to <typeparamref name="TOptions"/>, checked against its
    /// data annotations at start-up: a bad value fails the deploy, not the first message (STYLE.md section 2).
    /// </summary>
    public static WebApplicationBuilder AddValidatedOptions<TOptions>(this WebApplicationBuilder builder, string section)
        where TOptions : class
    {
        builder.Services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    /// <summary>
    /// Registers every topic's codec as <see cref="IMessageCodec{T}"/>, with size caps from the "Codecs" section
    /// (<see cref="CodecLimits"/>: MaxPayloadBytes, MaxMembers, ...).
    /// </summary>
    public static WebApplicationBuilder AddCodecs(this WebApplicationBuilder builder)
    {
        var limits = (builder.Configuration.GetSection("Codecs").Get<CodecLimits>() ?? CodecLimits.Default).Validated();
        var catalog = new CodecCatalog(limits);
        builder.Services.AddSingleton(catalog);
        foreach (var codec in catalog.Entries.Select(e => e.Codec))
        {
            foreach (var contract in codec.GetType().GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMessageCodec<>)))
            {
                builder.Services.AddSingleton(contract, codec);
            }
        }

        return builder;
    }

    /// <summary>
    /// Adds one consume → step → produce worker. Codecs for <typeparamref name="TIn"/> and <typeparamref name="TOut"/>
    /// must be registered as <see cref="IMessageCodec{T}"/>; options come from "Worker" and "Worker:&lt;service&gt;".
    /// </summary>
    public static WebApplicationBuilder AddStreamWorker<TIn, TOut, TStep>(this WebApplicationBuilder builder, StreamWorkerDefinition definition)
        where TStep : class, IStreamStep<TIn, TOut>
    {
        var options = new StreamWorkerOptions();
        builder.Configuration.GetSection("Worker").Bind(options);
        builder.Configuration.GetSection($"Worker:{definition.ServiceName}").Bind(options);
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);

        builder.Services.AddSingleton<TStep>();
        builder.Services.AddSingleton<IHostedService>(sp => new StreamWorker<TIn, TOut>(
            definition,
            options,
            sp.GetRequiredService<IMessageCodec<TIn>>(),
            sp.GetRequiredService<IMessageCodec<TOut>>(),
            sp.GetRequiredService<TStep>(),
            sp.GetRequiredService<KafkaClientFactory>(),
            sp.GetRequiredService<WorkerHealth>(),
            sp.GetRequiredService<ILogger<StreamWorker<TIn, TOut>>>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>/metrics (Prometheus text format), /health/live (process up) and /health/ready (workers running).</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapMetrics("/metrics");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
