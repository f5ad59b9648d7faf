namespace StreamProcessor.Contracts;

/// <summary>
/// Why a record was rejected. The text form (kebab-case) is the dead-letter "dlq-reason" header and
/// the "reason" label of the dead-letter metric, so the set is small and fixed (low cardinality).
/// </summary>
public enum ValidationReason
{
    /// <summary>Bytes are not a readable Arrow IPC stream (random bytes, truncated stream).</summary>
    Malformed,
    /// <summary>Schema name or major version is not what this reader accepts.</summary>
    SchemaVersion,
    /// <summary>A required field is absent or null.</summary>
    MissingField,
    /// <summary>A value is NaN or infinite.</summary>
    NonFinite,
    /// <summary>A value lies outside its documented range.</summary>
    OutOfRange,
    /// <summary>The message exceeds a configured size cap.</summary>
    Oversized,
    /// <summary>The record is well formed but the step cannot process it (for example an empty member list).</summary>
    Unprocessable,
}
