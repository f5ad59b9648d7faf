namespace StreamProcessor.Contracts.Messages;

/// <summary>Whether a stage accepted an object; written as "accepted" / "rejected".</summary>
public enum RecordStatus
{
    Accepted,
    Rejected,
}
