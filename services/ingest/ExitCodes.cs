namespace StreamProcessor.IngestCli;

/// <summary>Process exit codes of `ingest`.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Nothing could be published (every row rejected, or every delivery failed).</summary>
    public const int NothingPublished = 1;

    /// <summary>Bad usage: no broker given, unreadable file, invalid option value.</summary>
    public const int Usage = 2;
}
