namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer evaluate</c>.</summary>
internal sealed record EvaluateRequest(string ModelDirectory, string DataDirectory, string Device);
