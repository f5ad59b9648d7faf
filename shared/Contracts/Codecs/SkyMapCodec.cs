using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="SkyMap"/> (schema "sky-map" 1.1, topic <c>maps</c>). Pixels are a list&lt;float32&gt; in row-major
/// order; width × height must equal their count and stay within <see cref="CodecLimits.MaxMapPixels"/>. 1.1 adds the
/// nullable object_id (the key when present, so the maps of one object share a partition) and true_values (simulated
/// maps: the six CGM targets of <see cref="SkyMapTargets.Names"/>); 1.0 messages read with both null.
/// </summary>
public sealed class SkyMapCodec(CodecLimits? limits = null) : ArrowMessageCodec<SkyMap>(Definition, limits)
{
    public static SchemaId Id { get; } = new("sky-map", 1, 1);

    public static MessageSchema Definition { get; } = new(Id, [Topics.Maps], "map_id",
        "A square-pixel sky map centred on an object. The pixel scale is angular, so the message carries no cosmology. " +
        "pixels is row-major: index = row * width + column, row 0 at the lowest declination.",
        [
            new("map_id", ArrowTypes.Utf8, false, "Stable map id; the Kafka key."),
            CommonFields.Survey(),
            new("field_kind", ArrowTypes.Utf8, false, "What the pixels measure.") { AllowedValues = EnumText.FieldKindValues },
            new("centre_ra_deg", ArrowTypes.Float64, false, "Right ascension of the map centre (ICRS).") { Unit = "deg", Range = CommonFields.RaDeg },
            new("centre_dec_deg", ArrowTypes.Float64, false, "Declination of the map centre (ICRS).") { Unit = "deg", Range = CommonFields.DecDeg },
            new("redshift", ArrowTypes.Float64, false, "Redshift of the object the map is centred on.") { Range = CommonFields.ClusterRedshift },
            new("pixel_scale_arcsec", ArrowTypes.Float64, false, "Side of one square pixel.")
            { Unit = "arcsec", Range = new(0, 3600, MinInclusive: false) },
            new("width", ArrowTypes.Int32, false, "Pixels per row.") { Range = new(1, 100_000) },
            new("height", ArrowTypes.Int32, false, "Rows.") { Range = new(1, 100_000) },
            new("pixels", ArrowTypes.ListOf(ArrowTypes.Float32), false, "Pixel values, row-major, width × height of them; any finite value (background-subtracted maps go negative); unit in the units column."),
            new("units", ArrowTypes.Utf8, false, "Unit of the pixel values, e.g. \"erg s^-1 cm^-2 arcsec^-2\" or \"cm^-2\"."),
            new("object_id", ArrowTypes.Utf8, true,
                "The object the map is centred on; the maps of one object (one per field kind) share it, and the producer keys the message by it " +
                "(the map id is the key when it is null, as in 1.0).") { Since = "1.1" },
            new("true_values", ArrowTypes.ListOf(ArrowTypes.Float64), true,
                "Simulated maps only: the true values of the six CGM targets, in the order log10_halo_mass, f_cgm, log10_z_cgm, " +
                "log10_m_cgm_200kpc, f_cool, log10_t_cgm; null for real maps.") { Since = "1.1" },
        ]);

    /// <summary>The object id when the map has one (every map of the object lands in one partition), else the map id.</summary>
    public override string KeyOf(SkyMap message) => message.ObjectId ?? message.MapId;

    protected override void Write(ArrowRowWriter writer, SkyMap message) => writer
        .String("map_id", message.MapId)
        .String("survey", message.Survey)
        .String("field_kind", message.FieldKind.ToText())
        .Double("centre_ra_deg", message.CentreRaDeg)
        .Double("centre_dec_deg", message.CentreDecDeg)
        .Double("redshift", message.Redshift)
        .Double("pixel_scale_arcsec", message.PixelScaleArcsec)
        .Int32("width", message.Width)
        .Int32("height", message.Height)
        .FloatList("pixels", message.Pixels)
        .String("units", message.Units)
        .String("object_id", message.ObjectId)
        .DoubleList("true_values", message.TrueValues);

    protected override SkyMap Read(ArrowRowReader reader)
    {
        int width = reader.Int32("width");
        int height = reader.Int32("height");
        long pixelCount = (long)width * height;
        if (pixelCount > reader.Limits.MaxMapPixels)
        {
            throw ArrowRowReader.Error(ValidationReason.Oversized, "pixels",
                $"{width} × {height} = {pixelCount} pixels exceed the cap of {reader.Limits.MaxMapPixels} (CodecLimits.MaxMapPixels)");
        }

        float[] pixels = reader.FloatList("pixels", reader.Limits.MaxMapPixels, nameof(CodecLimits.MaxMapPixels));
        if (pixels.Length != pixelCount)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "pixels", $"has {pixels.Length} values, width × height = {pixelCount}");
        }

        if (reader.OptionalString("object_id") is { } objectId && string.IsNullOrWhiteSpace(objectId))
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "object_id", "is blank; leave it null when the map has no object id");
        }

        return new SkyMap
        {
            MapId = reader.String("map_id"),
            Survey = reader.String("survey"),
            FieldKind = EnumText.ParseFieldKind(reader.String("field_kind")),
            CentreRaDeg = reader.Double("centre_ra_deg"),
            CentreDecDeg = reader.Double("centre_dec_deg"),
            Redshift = reader.Double("redshift"),
            PixelScaleArcsec = reader.Double("pixel_scale_arcsec"),
            Width = width,
            Height = height,
            Pixels = pixels,
            Units = reader.String("units"),
            ObjectId = reader.OptionalString("object_id"),
            TrueValues = TrueValues(reader),
        };
    }

    private static double[]? TrueValues(ArrowRowReader reader)
    {
        var values = reader.OptionalDoubleList("true_values", reader.Limits.MaxListLength, nameof(CodecLimits.MaxListLength));
        if (values is not null && values.Length != SkyMapTargets.Names.Count)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "true_values",
                $"has {values.Length} values; it holds the {SkyMapTargets.Names.Count} targets {string.Join(", ", SkyMapTargets.Names)}");
        }

        return values;
    }
}
