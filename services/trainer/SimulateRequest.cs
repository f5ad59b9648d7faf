namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer simulate</c>.</summary>
internal sealed record SimulateRequest(int HaloCount, ulong Seed, string OutputDirectory, int LinesOfSight, bool SignFlips, bool Kde3D, int Threads);
