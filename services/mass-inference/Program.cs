using StreamProcessor.Hosting;
using StreamProcessor.MassInference;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.AddMassInference();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
