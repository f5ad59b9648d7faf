using System.Globalization;

namespace StreamProcessor.SubscribeCli;

/// <summary>Where reading starts: the earliest retained record, the end of the log (new records only), or a time.</summary>
public sealed record StartPosition(StartPosition.Kind From, DateTimeOffset? Time = null)
{
    public enum Kind
    {
        Earliest,
        Latest,
        Timestamp,
    }

    public static StartPosition Earliest { get; } = new(Kind.Earliest);

    public static StartPosition Latest { get; } = new(Kind.Latest);

    /// <summary>"earliest", "latest" or an ISO 8601 timestamp (UTC when no offset is given); null when none of these.</summary>
    public static StartPosition? TryParse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "earliest" or "beginning" => Earliest,
        "latest" or "end" => Latest,
        _ when TryParseTime(text, out var time) => new StartPosition(Kind.Timestamp, time),
        _ => null,
    };

    public static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public override string ToString() => From == Kind.Timestamp ? Time!.Value.ToString("O", CultureInfo.InvariantCulture) : From.ToString().ToLowerInvariant();
}
