using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>The kebab-case text of the enums that travel as strings (no Arrow dictionaries, see schemas/README.md).</summary>
public static class EnumText
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string XraySurfaceBrightness = "xray-surface-brightness";
    public const string HiColumnDensity = "hi-column-density";

    public static IReadOnlyList<string> StatusValues { get; } = [Accepted, Rejected];

    public static IReadOnlyList<string> FieldKindValues { get; } = [XraySurfaceBrightness, HiColumnDensity];

    public static string ToText(this RecordStatus status) => status switch
    {
        RecordStatus.Accepted => Accepted,
        RecordStatus.Rejected => Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToText(this SkyMapFieldKind kind) => kind switch
    {
        SkyMapFieldKind.XraySurfaceBrightness => XraySurfaceBrightness,
        SkyMapFieldKind.HiColumnDensity => HiColumnDensity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Parses a value the reader already checked against <see cref="StatusValues"/>.</summary>
    public static RecordStatus ParseStatus(string text) => text == Accepted ? RecordStatus.Accepted : RecordStatus.Rejected;

    /// <summary>Parses a value the reader already checked against <see cref="FieldKindValues"/>.</summary>
    public static SkyMapFieldKind ParseFieldKind(string text) =>
        text == XraySurfaceBrightness ? SkyMapFieldKind.XraySurfaceBrightness : SkyMapFieldKind.HiColumnDensity;
}
