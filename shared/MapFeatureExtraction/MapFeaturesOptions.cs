using System.ComponentModel.DataAnnotations;
using StreamProcessor.Contracts.Codecs;

namespace StreamProcessor.MapFeatureExtraction;

/// <summary>Configuration section "MapFeatures" of the map-features service (checked at start-up).</summary>
public sealed record MapFeaturesOptions : IValidatableObject
{
    public const string Section = "MapFeatures";

    /// <summary>Pixels per side of the model grid (shared/science/REFERENCE.md section 5: 128).</summary>
    [Range(8, 1024)] public int Side { get; init; } = 128;

    /// <summary>Physical (proper) side of one model pixel, kpc (REFERENCE section 5: 4 kpc, so 512 kpc across).</summary>
    [Range(0.01, 1000.0)] public double PixelKpc { get; init; } = 4.0;

    /// <summary>How long the first map of an object waits for the other fields its profile expects ("00:00:30").</summary>
    public TimeSpan JoinWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest input map side, pixels; a larger map is dead-lettered as oversized.</summary>
    [Range(1, 100_000)] public int MaxInputSide { get; init; } = 4096;

    /// <summary>Least fraction of the model grid's pixels the input map must cover (at least half of each pixel); less is a rejected record.</summary>
    [Range(0.0, 1.0)] public double MinimumCoverage { get; init; } = 0.25;

    /// <summary>Lowest redshift with a usable angular-diameter distance; below it the record is rejected.</summary>
    [Range(1e-6, 10.0)] public double MinimumRedshift { get; init; } = 1e-3;

    /// <summary>Largest redshift difference between the maps of one object before the join is rejected.</summary>
    [Range(0.0, 10.0)] public double MaxRedshiftMismatch { get; init; } = 1e-3;

    /// <summary>The profile of a survey not listed in <see cref="Profiles"/>.</summary>
    [Required] public string DefaultProfile { get; init; } = "idealised";

    /// <summary>Detection limits and expected fields per survey name (case-insensitive).</summary>
    public Dictionary<string, MapLimitsProfile> Profiles { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (JoinWait <= TimeSpan.Zero || JoinWait > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult($"JoinWait {JoinWait} must lie in (0, 1 day]", [nameof(JoinWait)]);
        }

        if (!Profiles.Keys.Contains(DefaultProfile, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"DefaultProfile '{DefaultProfile}' is not one of the Profiles ({string.Join(", ", Profiles.Keys)})", [nameof(DefaultProfile)]);
        }

        foreach (var (name, profile) in Profiles)
        {
            foreach (string problem in profile.Problems()) yield return new ValidationResult($"Profiles:{name}: {problem}", [nameof(Profiles)]);
        }
    }
}

/// <summary>
/// The observational limits of one survey's maps (configuration "MapFeatures:Profiles:&lt;survey&gt;"): which fields the
/// join waits for and the detection floors (REFERENCE section 5: eRASS:4-like X-ray, MHONGOOSE-like HI; both estimates).
/// A floor left out means no detection limit: pixels are only kept positive (the tiny floors of <see cref="MapFeaturesOptions"/>).
/// </summary>
public sealed record MapLimitsProfile
{
    /// <summary>Field kinds the join waits for, as the schema writes them; null means both (X-ray and HI).</summary>
    public string[]? Fields { get; init; }

    /// <summary>Soft-band (0.5-2 keV) X-ray surface-brightness floor, erg s^-1 cm^-2 arcmin^-2 (observed).</summary>
    public double? XrayFloorErgPerSPerCm2PerArcmin2 { get; init; }

    /// <summary>HI column-density floor, cm^-2.</summary>
    public double? HiFloorCm2 { get; init; }

    /// <summary>The expected kinds, in channel order.</summary>
    public IReadOnlyList<Contracts.Messages.SkyMapFieldKind> ExpectedFields() =>
        Fields is null
            ? MapFeaturesCodec.ChannelOrder
            : [.. MapFeaturesCodec.ChannelOrder.Where(k => Fields.Contains(k.ToText(), StringComparer.Ordinal))];

    internal IEnumerable<string> Problems()
    {
        if (Fields is not null)
        {
            if (Fields.Length == 0) yield return "Fields is empty";
            foreach (string field in Fields.Where(f => !EnumText.FieldKindValues.Contains(f, StringComparer.Ordinal)))
            {
                yield return $"field '{field}' is not one of {string.Join(", ", EnumText.FieldKindValues)}";
            }
        }

        if (XrayFloorErgPerSPerCm2PerArcmin2 is { } x && !(x > 0 && double.IsFinite(x))) yield return "XrayFloorErgPerSPerCm2PerArcmin2 must be positive";
        if (HiFloorCm2 is { } h && !(h > 0 && double.IsFinite(h))) yield return "HiFloorCm2 must be positive";
    }
}
