namespace StreamProcessor.Contracts;

/// <summary>
/// Bad input, as opposed to broken infrastructure: the worker dead-letters the record and goes on.
/// </summary>
public sealed class RecordValidationException : Exception
{
    public RecordValidationException(ValidationReason reason, string field, string message, Exception? inner = null)
        : base($"{field}: {message}", inner)
    {
        Reason = reason;
        Field = field;
    }

    public ValidationReason Reason { get; }

    /// <summary>The field (column) at fault, or "payload" for the message as a whole.</summary>
    public string Field { get; }
}
