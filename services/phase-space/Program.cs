using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.Services.Configure<PhaseSpaceOptions>(builder.Configuration.GetSection(PhaseSpaceOptions.Section));
builder.AddStreamWorker<ClusterCatalogue, PhaseSpaceFeatures, ExtractPhaseSpaceStep>(
    new StreamWorkerDefinition(ExtractPhaseSpaceStep.ServiceName, Topics.Catalogues, Topics.PhaseSpaceFeatures));

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
