namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer simulate</c>; <see cref="LowRedshift"/> picks the SDSS-like 0.03 &lt; z &lt; 0.15 simulator configuration instead of the wide 0.03 &lt; z &lt; 1.1 default.</summary>
internal sealed record SimulateRequest(int HaloCount, ulong Seed, string OutputDirectory, int LinesOfSight, bool SignFlips, bool Kde3D, int Threads, bool LowRedshift = false);
