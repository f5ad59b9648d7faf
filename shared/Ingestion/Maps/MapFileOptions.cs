using StreamProcessor.Contracts.Messages;
using StreamProcessor.Fits;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>
/// What a FITS file does not say about a sky map, given on the command line (`ingest maps`): what the pixels measure,
/// the survey, the redshift of the object, and optionally the id, unit and position (overriding or supplying the WCS).
/// </summary>
public sealed record MapFileOptions
{
    public required SkyMapFieldKind FieldKind { get; init; }

    public required string Survey { get; init; }

    public required double Redshift { get; init; }

    /// <summary>Map id; default: the file name without its extension.</summary>
    public string? MapId { get; init; }

    /// <summary>The object the maps are centred on: maps of one object (X-ray and HI) share it, are keyed by it and joined by map-features.</summary>
    public string? ObjectId { get; init; }

    /// <summary>Unit of the pixels; default: BUNIT.</summary>
    public string? Units { get; init; }

    /// <summary>Centre right ascension, degrees; overrides the WCS centre.</summary>
    public double? RaDeg { get; init; }

    /// <summary>Centre declination, degrees; overrides the WCS centre.</summary>
    public double? DecDeg { get; init; }

    /// <summary>Side of a pixel, arcsec; overrides the WCS scale.</summary>
    public double? PixelScaleArcsec { get; init; }

    /// <summary>Which HDU to read (default: primary, or the first IMAGE extension when the primary is empty).</summary>
    public FitsReadOptions Fits { get; init; } = FitsReadOptions.Default;
}
