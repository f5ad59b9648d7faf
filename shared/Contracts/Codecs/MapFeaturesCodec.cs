using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="MapFeatures"/> (schema "map-features" 1.0, topic <c>features.maps</c>). The channels are a list of
/// field kinds in the fixed order X-ray, HI, without repeats, disjoint from the missing ones; the per-channel lists
/// (floored fraction, floor when stated, source map) have one element per channel. An accepted record carries
/// side² × channels finite log10 pixels (a variable list&lt;float32&gt;: the channel count varies from record to record);
/// a rejected one carries a reason and no pixels.
/// </summary>
public sealed class MapFeaturesCodec(CodecLimits? limits = null) : ArrowMessageCodec<MapFeatures>(Definition, limits)
{
    public static SchemaId Id { get; } = new("map-features", 1, 0);

    /// <summary>Channel order: a channel of an earlier kind always comes first.</summary>
    public static IReadOnlyList<SkyMapFieldKind> ChannelOrder => OrderArray;

    private static readonly SkyMapFieldKind[] OrderArray = [SkyMapFieldKind.XraySurfaceBrightness, SkyMapFieldKind.HiColumnDensity];

    public static MessageSchema Definition { get; } = new(Id, [Topics.MapFeatures], "object_id",
        "The sky maps of one object joined into model channels on a fixed physical grid (side × side pixels of pixel_kpc kpc, " +
        "centred on the object), converted to physical units, floored at the survey profile's detection limits and log10-scaled. " +
        "log10_pixels is channel-major then row-major: index = (channel * side + row) * side + column, row 0 at the lowest " +
        "declination. Channels that did not arrive within the join wait are listed in missing_channels. A rejected object has " +
        "a rejection_reason and no pixels.",
        [
            new("object_id", ArrowTypes.Utf8, false, "The object the maps are centred on; the Kafka key."),
            CommonFields.Survey(),
            new("redshift", ArrowTypes.Float64, false, "Redshift of the object.") { Range = CommonFields.ClusterRedshift },
            CommonFields.Status(),
            CommonFields.RejectionReason(),
            new("channels", ArrowTypes.ListOf(ArrowTypes.Utf8), false, "Field kind of each channel, in the order xray-surface-brightness, hi-column-density.")
            { AllowedValues = EnumText.FieldKindValues },
            new("missing_channels", ArrowTypes.ListOf(ArrowTypes.Utf8), false, "Field kinds the survey profile expects that did not arrive within the join wait; empty when complete.")
            { AllowedValues = EnumText.FieldKindValues },
            new("side", ArrowTypes.Int32, false, "Pixels per side of each channel.") { Range = new(1, 4096) },
            new("pixel_kpc", ArrowTypes.Float64, false, "Physical side of one pixel (proper kpc).") { Unit = "kpc", Range = new(0, 1e4, MinInclusive: false) },
            new("log10_pixels", ArrowTypes.ListOf(ArrowTypes.Float32), true,
                "log10 of the physical pixel values, channel-major then row-major: X-ray surface brightness in erg s^-1 pc^-2 " +
                "(rest frame, 0.5-2 keV), HI column density in cm^-2. side × side × channels of them; null when rejected.")
            { Unit = "log10(channel unit)", Range = Log10Range },
            new("limits_profile", ArrowTypes.Utf8, false, "Name of the survey profile whose detection limits were applied (e.g. idealised, erass4-mhongoose)."),
            new("floored_fraction", ArrowTypes.ListOf(ArrowTypes.Float64), false,
                "Per channel, the fraction of pixels raised to the channel's floor (below the detection limit, not positive under a profile without one, or outside the input map).")
            { Range = new(0, 1) },
            new("log10_floors", ArrowTypes.ListOf(ArrowTypes.Float64), true,
                "Per channel, log10 of the floor the pixels were raised to, in the channel's physical unit (the detection limit at this redshift, or a tiny positive floor); null when not stated.")
            { Unit = "log10(channel unit)", Range = Log10Range },
            new("source_map_ids", ArrowTypes.ListOf(ArrowTypes.Utf8), false, "Per channel, the id of the map it was made from."),
            new("true_values", ArrowTypes.ListOf(ArrowTypes.Float64), true,
                "Simulated maps only: the true values of the six CGM targets (log10_halo_mass, f_cgm, log10_z_cgm, log10_m_cgm_200kpc, f_cool, log10_t_cgm); null for real maps."),
            .. CommonFields.Provenance(),
            new("join_ms", ArrowTypes.Float64, false, "From the first map's being read by the worker to the join's completion: the join wait.")
            { Unit = "ms", Range = CommonFields.DurationMs },
            new("features_ms", ArrowTypes.Float64, false, "Time spent computing the features.") { Unit = "ms", Range = CommonFields.DurationMs },
            new("computed_utc", ArrowTypes.TimestampMsUtc, false, "When the features were computed (UTC)."),
            new("code_version", ArrowTypes.Utf8, false, "Version of the code that computed the features."),
        ]);

    /// <summary>log10 of a positive physical value: [-100, 100], wide enough for any unit, narrow enough to catch a missing log.</summary>
    private static ValueRange Log10Range => new(-100, 100);

    public override string KeyOf(MapFeatures message) => message.ObjectId;

    protected override void Write(ArrowRowWriter writer, MapFeatures message) => writer
        .String("object_id", message.ObjectId)
        .String("survey", message.Survey)
        .Double("redshift", message.Redshift)
        .String("status", message.Status.ToText())
        .String("rejection_reason", message.RejectionReason)
        .StringList("channels", message.Channels.Select(c => c.ToText()).ToList())
        .StringList("missing_channels", message.MissingChannels.Select(c => c.ToText()).ToList())
        .Int32("side", message.Side)
        .Double("pixel_kpc", message.PixelKpc)
        .FloatList("log10_pixels", message.Log10Pixels)
        .String("limits_profile", message.LimitsProfile)
        .DoubleList("floored_fraction", message.FlooredFraction)
        .DoubleList("log10_floors", message.Log10Floors)
        .StringList("source_map_ids", message.SourceMapIds)
        .DoubleList("true_values", message.TrueValues)
        .String("source_topic", message.Provenance.SourceTopic)
        .Int32("source_partition", message.Provenance.SourcePartition)
        .Int64("source_offset", message.Provenance.SourceOffset)
        .Double("join_ms", message.JoinMs)
        .Double("features_ms", message.FeaturesMs)
        .Timestamp("computed_utc", message.ComputedUtc)
        .String("code_version", message.CodeVersion);

    protected override MapFeatures Read(ArrowRowReader reader)
    {
        var (status, reason) = StatusRules.Read(reader);
        int listCap = reader.Limits.MaxListLength;
        const string listCapName = nameof(CodecLimits.MaxListLength);
        var channels = reader.StringList("channels", listCap, listCapName).Select(EnumText.ParseFieldKind).ToArray();
        var missing = reader.StringList("missing_channels", listCap, listCapName).Select(EnumText.ParseFieldKind).ToArray();
        if (channels.Length == 0) throw ArrowRowReader.Error(ValidationReason.MissingField, "channels", "a record is made of at least one map");
        for (int c = 1; c < channels.Length; c++)
        {
            if (Order(channels[c]) <= Order(channels[c - 1]))
            {
                throw ArrowRowReader.Error(ValidationReason.Malformed, "channels", $"'{channels[c].ToText()}' after '{channels[c - 1].ToText()}': channels are unique and in the order {string.Join(", ", ChannelOrder.Select(k => k.ToText()))}");
            }
        }

        if (missing.Distinct().Count() != missing.Length || missing.Any(channels.Contains))
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "missing_channels", "lists a kind twice or a kind that is also a channel");
        }

        int side = reader.Int32("side");
        var floored = PerChannel(reader, "floored_fraction", channels.Length);
        var floors = reader.OptionalDoubleList("log10_floors", listCap, listCapName);
        if (floors is not null && floors.Length != channels.Length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "log10_floors", $"has {floors.Length} values for {channels.Length} channels");
        }

        var sourceIds = reader.StringList("source_map_ids", listCap, listCapName);
        if (sourceIds.Length != channels.Length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "source_map_ids", $"has {sourceIds.Length} ids for {channels.Length} channels");
        }

        long expected = (long)side * side * channels.Length;
        if (expected > reader.Limits.MaxMapPixels)
        {
            throw ArrowRowReader.Error(ValidationReason.Oversized, "log10_pixels",
                $"{side}² × {channels.Length} channels = {expected} pixels exceed the cap of {reader.Limits.MaxMapPixels} (CodecLimits.MaxMapPixels)");
        }

        float[]? pixels = reader.OptionalFloatList("log10_pixels", reader.Limits.MaxMapPixels, nameof(CodecLimits.MaxMapPixels));
        if (status == RecordStatus.Accepted && pixels is null)
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "log10_pixels", "an accepted record carries its pixels");
        }

        if (status == RecordStatus.Rejected && pixels is not null)
        {
            throw ArrowRowReader.Error(ValidationReason.OutOfRange, "log10_pixels", "a rejected record carries no pixels");
        }

        if (pixels is not null && pixels.Length != expected)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "log10_pixels", $"has {pixels.Length} values, side² × channels = {expected}");
        }

        var trueValues = reader.OptionalDoubleList("true_values", listCap, listCapName);
        if (trueValues is not null && trueValues.Length != SkyMapTargets.Names.Count)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "true_values", $"has {trueValues.Length} values; it holds the {SkyMapTargets.Names.Count} targets {string.Join(", ", SkyMapTargets.Names)}");
        }

        return new MapFeatures
        {
            ObjectId = reader.String("object_id"),
            Survey = reader.String("survey"),
            Redshift = reader.Double("redshift"),
            Status = status,
            RejectionReason = reason,
            Channels = channels,
            MissingChannels = missing,
            Side = side,
            PixelKpc = reader.Double("pixel_kpc"),
            Log10Pixels = pixels,
            LimitsProfile = reader.String("limits_profile"),
            FlooredFraction = floored,
            Log10Floors = floors,
            SourceMapIds = sourceIds,
            TrueValues = trueValues,
            Provenance = new MessageProvenance(reader.String("source_topic"), reader.Int32("source_partition"), reader.Int64("source_offset")),
            JoinMs = reader.Double("join_ms"),
            FeaturesMs = reader.Double("features_ms"),
            ComputedUtc = reader.Timestamp("computed_utc"),
            CodeVersion = reader.String("code_version"),
        };
    }

    private static int Order(SkyMapFieldKind kind) => Array.IndexOf(OrderArray, kind);

    private static double[] PerChannel(ArrowRowReader reader, string column, int channels)
    {
        var values = reader.DoubleList(column, reader.Limits.MaxListLength, nameof(CodecLimits.MaxListLength));
        if (values.Length != channels)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, column, $"has {values.Length} values for {channels} channels");
        }

        return values;
    }
}
