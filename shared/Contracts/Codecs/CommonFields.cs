using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>Ranges and field specs shared by several schemas, so the same quantity is checked the same way everywhere.</summary>
public static class CommonFields
{
    /// <summary>Right ascension, degrees: [0, 360).</summary>
    public static ValueRange RaDeg { get; } = new(0, 360, MaxInclusive: false);

    /// <summary>Declination, degrees: [-90, 90].</summary>
    public static ValueRange DecDeg { get; } = new(-90, 90);

    /// <summary>Redshift of a cluster or stack: [0, 10].</summary>
    public static ValueRange ClusterRedshift { get; } = new(0, 10);

    /// <summary>Observed redshift of a galaxy: [-0.01, 10]; slightly negative allows blueshifted foreground galaxies.</summary>
    public static ValueRange GalaxyRedshift { get; } = new(-0.01, 10);

    /// <summary>Line-of-sight velocity, km/s: (-1e5, 1e5), a third of the speed of light.</summary>
    public static ValueRange VLosKmPerS { get; } = new(-1e5, 1e5, MinInclusive: false, MaxInclusive: false);

    /// <summary>Velocity dispersion, km/s: [0, 1e5).</summary>
    public static ValueRange SigmaKmPerS { get; } = new(0, 1e5, MaxInclusive: false);

    /// <summary>Apparent magnitude: [-30, 40], wide enough for any survey band, narrow enough to catch flux/magnitude mix-ups.</summary>
    public static ValueRange Magnitude { get; } = new(-30, 40);

    /// <summary>Projected comoving distance, h^-1 Mpc: [0, 100].</summary>
    public static ValueRange ProjectedRadiusMpcOverH { get; } = new(0, 100);

    /// <summary>Signed projected offset, h^-1 Mpc: [-100, 100].</summary>
    public static ValueRange ProjectedOffsetMpcOverH { get; } = new(-100, 100);

    /// <summary>log10(M / h^-1 Msun) of a halo: [10, 17].</summary>
    public static ValueRange Log10HaloMass { get; } = new(10, 17);

    /// <summary>Scatter in log10 M, dex: [0, 5].</summary>
    public static ValueRange SigmaDex { get; } = new(0, 5);

    /// <summary>Durations in ms: [0, 1e9] (about 11.6 days).</summary>
    public static ValueRange DurationMs { get; } = new(0, 1e9);

    /// <summary>Non-negative values (densities, counts): [0, 3.4e38], the float32 maximum.</summary>
    public static ValueRange NonNegative { get; } = new(0, 3.4e38);

    /// <summary>Counts of galaxies or objects: [0, 1e9].</summary>
    public static ValueRange Count { get; } = new(0, 1e9);

    public static FieldSpec Survey(string since = "1.0") =>
        new("survey", ArrowTypes.Utf8, false, "Survey name.") { Since = since };

    public static FieldSpec DetectionTime() =>
        new("detection_time", ArrowTypes.TimestampMsUtc, false, "When the object was detected (UTC, milliseconds).");

    public static FieldSpec Status() =>
        new("status", ArrowTypes.Utf8, false, "Whether the stage accepted the object.") { AllowedValues = EnumText.StatusValues };

    public static FieldSpec RejectionReason() =>
        new("rejection_reason", ArrowTypes.Utf8, true, "Why the object was rejected; required when status is rejected, null otherwise.");

    public static FieldSpec TrueLog10M200c() =>
        new("true_log10_m200c", ArrowTypes.Float64, true, "log10 M200c of the true halo; mocks only, never used in an estimate.")
        { Unit = "log10(h^-1 Msun)", Range = Log10HaloMass };

    public static FieldSpec[] Provenance() =>
    [
        new("source_topic", ArrowTypes.Utf8, false, "Topic of the input record."),
        new("source_partition", ArrowTypes.Int32, false, "Partition of the input record.") { Range = new(0, int.MaxValue) },
        new("source_offset", ArrowTypes.Int64, false, "Offset of the input record.") { Range = new(0, long.MaxValue) },
    ];
}
