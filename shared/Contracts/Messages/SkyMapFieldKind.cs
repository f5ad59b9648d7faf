namespace StreamProcessor.Contracts.Messages;

/// <summary>What a sky map's pixels measure; written as "xray-surface-brightness" / "hi-column-density".</summary>
public enum SkyMapFieldKind
{
    XraySurfaceBrightness,
    HiColumnDensity,
}
