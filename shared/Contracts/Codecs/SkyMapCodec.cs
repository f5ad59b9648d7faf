using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="SkyMap"/> (schema "sky-map" 1.0, topic <c>maps</c>). Pixels are a list&lt;float32&gt; in row-major
/// order; width × height must equal their count and stay within <see cref="CodecLimits.MaxMapPixels"/>.
/// </summary>
public sealed class SkyMapCodec(CodecLimits? limits = null) : ArrowMessageCodec<SkyMap>(Definition, limits)
{
    public static SchemaId Id { get; } = new("sky-map", 1, 0);

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
        ]);

    public override string KeyOf(SkyMap message) => message.MapId;

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
        .String("units", message.Units);

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
        };
    }
}
