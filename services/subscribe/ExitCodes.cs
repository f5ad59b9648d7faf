namespace StreamProcessor.SubscribeCli;

/// <summary>Process exit codes of `subscribe`.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The request cannot be served: unknown topic, a filter on a field the topic lacks, a bad option value.</summary>
    public const int Usage = 2;

    /// <summary>A replay stopped on the idle timeout before reaching the end offsets captured at its start.</summary>
    public const int Incomplete = 3;
}
