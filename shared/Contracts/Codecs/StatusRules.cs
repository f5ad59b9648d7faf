using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>The status/rejection_reason pair: a reason exactly when rejected (a skip is a result with a reason).</summary>
internal static class StatusRules
{
    public static (RecordStatus Status, string? Reason) Read(ArrowRowReader reader)
    {
        var status = EnumText.ParseStatus(reader.String("status"));
        string? reason = reader.OptionalString("rejection_reason");
        if (status == RecordStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "rejection_reason", "a rejected record must say why");
        }

        if (status == RecordStatus.Accepted && reason is not null)
        {
            throw ArrowRowReader.Error(ValidationReason.OutOfRange, "rejection_reason", "an accepted record carries no rejection reason");
        }

        return (status, reason);
    }
}
