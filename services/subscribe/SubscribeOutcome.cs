namespace StreamProcessor.SubscribeCli;

/// <summary>The exit code of a run, its summary (when it read), and the error shown to the user (when it could not).</summary>
public sealed record SubscribeOutcome(int ExitCode, SubscribeSummary? Summary = null, string? Error = null);
