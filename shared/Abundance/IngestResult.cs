namespace StreamProcessor.Abundance;

/// <summary>Outcome of ingesting one posterior; <paramref name="Reason"/> says why when it was not stored.</summary>
public readonly record struct IngestResult(IngestOutcome Outcome, string? Reason = null)
{
    /// <summary>Whether the posterior is now the stored one of its cluster.</summary>
    public bool Stored => Outcome is IngestOutcome.Added or IngestOutcome.Replaced;
}
