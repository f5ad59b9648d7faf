namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer baselines</c>.</summary>
internal sealed record BaselinesRequest(string ModelDirectory, string DataDirectory, int FeatureCount, ulong Seed, int Threads);
