namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// The map features of one object: one message of topic <c>features.maps</c>, schema schemas/map-features. The
/// sky maps of the object (one per field kind, possibly arriving as separate <c>maps</c> messages) are joined into
/// channels, put on the physical grid the map models were trained on (<see cref="Side"/> × <see cref="Side"/> pixels of
/// <see cref="PixelKpc"/> kpc), converted to physical units, floored at the survey profile's detection limits and
/// log10-scaled. The model's own normalisation is applied by map-inference, so this topic does not change when a
/// model does. A rejected object carries <see cref="RejectionReason"/> and no pixels.
/// </summary>
public sealed record MapFeatures
{
    /// <summary>The object the maps are centred on (the Kafka key).</summary>
    public required string ObjectId { get; init; }

    public required string Survey { get; init; }

    public required double Redshift { get; init; }

    public required RecordStatus Status { get; init; }

    /// <summary>Why the object was rejected; required when <see cref="Status"/> is rejected, null otherwise.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>The field kinds present, in channel order.</summary>
    public required IReadOnlyList<SkyMapFieldKind> Channels { get; init; }

    /// <summary>Field kinds the survey profile expects that did not arrive within the join wait (empty when complete).</summary>
    public required IReadOnlyList<SkyMapFieldKind> MissingChannels { get; init; }

    /// <summary>Pixels per side of each channel.</summary>
    public required int Side { get; init; }

    /// <summary>Physical side of one pixel, kpc.</summary>
    public required double PixelKpc { get; init; }

    /// <summary>
    /// log10 of the physical pixel values, channel-major then row-major (index = (channel * Side + row) * Side + column):
    /// X-ray surface brightness in erg s^-1 pc^-2 (rest frame, 0.5-2 keV), HI column density in cm^-2. Null when rejected.
    /// </summary>
    public IReadOnlyList<float>? Log10Pixels { get; init; }

    /// <summary>Name of the survey profile whose detection limits were applied (e.g. "idealised", "erass4-mhongoose").</summary>
    public required string LimitsProfile { get; init; }

    /// <summary>
    /// Per channel, the fraction of pixels raised to the channel's floor (<see cref="Log10Floors"/>): below the profile's
    /// detection limit, or (a profile without one) not positive, or outside the input map.
    /// </summary>
    public required IReadOnlyList<double> FlooredFraction { get; init; }

    /// <summary>
    /// Per channel, log10 of the floor the pixels were raised to, in the channel's physical unit: the profile's detection
    /// limit at this redshift, or the tiny positive floor of a profile without one. A model can mask pixels at this value.
    /// Null when the producer does not say.
    /// </summary>
    public IReadOnlyList<double>? Log10Floors { get; init; }

    /// <summary>The map ids joined into this record, in channel order.</summary>
    public required IReadOnlyList<string> SourceMapIds { get; init; }

    /// <summary>True values of the six CGM targets when the maps are simulated (parallel to the model's parameter names); null for real maps.</summary>
    public IReadOnlyList<double>? TrueValues { get; init; }

    /// <summary>Provenance of the first map of the object.</summary>
    public required MessageProvenance Provenance { get; init; }

    /// <summary>
    /// Time from the first map's being read by the worker to the join's completion, ms: the join wait (bounded by the
    /// service's wait; not from the log timestamp, which a replay of an old topic would put days back).
    /// </summary>
    public required double JoinMs { get; init; }

    /// <summary>Time spent computing the features, ms.</summary>
    public required double FeaturesMs { get; init; }

    /// <summary>When the features were computed (UTC).</summary>
    public required DateTimeOffset ComputedUtc { get; init; }

    /// <summary>Version of the code that computed them.</summary>
    public required string CodeVersion { get; init; }
}
