using StreamProcessor.FeatureExtraction;
using StreamProcessor.Hosting;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.AddPhaseSpaceExtraction();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
