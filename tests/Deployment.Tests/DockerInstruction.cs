namespace StreamProcessor.Deployment.Tests;

/// <summary>One Dockerfile instruction after joining continuation lines; <see cref="Stage"/> counts FROMs from 0.</summary>
public sealed record DockerInstruction(string Keyword, string Arguments, int Stage);
