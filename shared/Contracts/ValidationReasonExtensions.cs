namespace StreamProcessor.Contracts;

public static class ValidationReasonExtensions
{
    /// <summary>kebab-case label used in headers and metrics: "schema-version", "non-finite", ...</summary>
    public static string ToLabel(this ValidationReason reason) => reason switch
    {
        ValidationReason.Malformed => "malformed",
        ValidationReason.SchemaVersion => "schema-version",
        ValidationReason.MissingField => "missing-field",
        ValidationReason.NonFinite => "non-finite",
        ValidationReason.OutOfRange => "out-of-range",
        ValidationReason.Oversized => "oversized",
        ValidationReason.Unprocessable => "unprocessable",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
