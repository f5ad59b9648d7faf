using StreamProcessor.Hosting;
using StreamProcessor.MapFeatureExtraction;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.AddMapFeatures();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
