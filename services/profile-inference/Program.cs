using StreamProcessor.Hosting;
using StreamProcessor.ProfileInference;

var builder = ServiceDefaults.CreateServiceBuilder(args);

builder.AddServiceDefaults(args);
builder.AddCodecs();
builder.AddProfileInference();

var app = builder.Build();
app.MapServiceDefaults();
await app.RunAsync();
