namespace StreamProcessor.Hosting.Worker;

/// <summary>The wiring of one worker: its name (metrics label, group id) and its input and output topics.</summary>
public sealed record StreamWorkerDefinition(string ServiceName, string InputTopic, string OutputTopic);
