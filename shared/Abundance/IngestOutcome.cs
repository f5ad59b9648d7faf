namespace StreamProcessor.Abundance;

/// <summary>What <see cref="MassFunctionAccumulator.Ingest"/> did with one posterior.</summary>
public enum IngestOutcome
{
    /// <summary>First posterior of this cluster: stored.</summary>
    Added,

    /// <summary>Newer than (or as new as, but arriving after) the stored posterior of this cluster: replaced it.</summary>
    Replaced,

    /// <summary>Older than the stored posterior of this cluster (a replay or a late message): ignored.</summary>
    IgnoredAsOlder,

    /// <summary>The survey is not configured: ignored.</summary>
    UnknownSurvey,

    /// <summary>A field is out of range (see the reason): ignored.</summary>
    Invalid,
}
