using StreamProcessor.Hosting;
using StreamProcessor.MapInference;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.AddMapInference();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
