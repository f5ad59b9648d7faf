namespace StreamProcessor.Hosting.Tests;

internal sealed record ScaledValue(string Id, double Value);
