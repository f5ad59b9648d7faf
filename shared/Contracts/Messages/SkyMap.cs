namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// One square-pixel sky map around an object: one message of topic <c>maps</c>, schema schemas/sky-map.
/// The pixel scale is angular (arcsec), so the message holds no cosmology; a consumer converts with its own.
/// </summary>
public sealed record SkyMap
{
    /// <summary>Stable map id (the Kafka key).</summary>
    public required string MapId { get; init; }

    public required string Survey { get; init; }

    public required SkyMapFieldKind FieldKind { get; init; }

    /// <summary>Right ascension of the map centre, degrees in [0, 360).</summary>
    public required double CentreRaDeg { get; init; }

    /// <summary>Declination of the map centre, degrees in [-90, 90].</summary>
    public required double CentreDecDeg { get; init; }

    /// <summary>Redshift of the object the map is centred on, in [0, 10].</summary>
    public required double Redshift { get; init; }

    /// <summary>Side of one pixel, arcsec.</summary>
    public required double PixelScaleArcsec { get; init; }

    /// <summary>Pixels per row.</summary>
    public required int Width { get; init; }

    /// <summary>Rows.</summary>
    public required int Height { get; init; }

    /// <summary>Row-major pixel values (index = row * Width + column), Width × Height of them.</summary>
    public required IReadOnlyList<float> Pixels { get; init; }

    /// <summary>Unit of the pixel values, e.g. "erg s^-1 cm^-2 arcsec^-2" or "cm^-2".</summary>
    public required string Units { get; init; }

    /// <summary>
    /// The object the map is centred on (schema 1.1): every map of one object (one per field kind) carries the same id,
    /// and the producer keys the message by it so they share a partition. Null from 1.0 producers (the map id is the key).
    /// </summary>
    public string? ObjectId { get; init; }

    /// <summary>
    /// Simulated maps only (schema 1.1): the true values of the six CGM targets, in the order of
    /// <see cref="SkyMapTargets.Names"/>; null for real maps.
    /// </summary>
    public IReadOnlyList<double>? TrueValues { get; init; }
}
