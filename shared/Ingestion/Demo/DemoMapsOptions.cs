namespace StreamProcessor.Ingestion.Demo;

/// <summary>What <see cref="DemoMaps.Generate"/> draws.</summary>
public sealed record DemoMapsOptions
{
    /// <summary>Haloes (objects) to observe.</summary>
    public int Objects { get; init; } = 200;

    /// <summary>Seed of the map generator's run (halo i depends only on (seed, i)).</summary>
    public ulong Seed { get; init; } = 11;

    /// <summary>Fraction of objects whose HI map is never sent (the lone X-ray maps).</summary>
    public double LoneXrayFraction { get; init; } = 0.1;

    /// <summary>Malformed maps appended (NaN pixels, a wrong size, unknown units, in turn).</summary>
    public int Malformed { get; init; } = 3;

    /// <summary>
    /// Survey name on every map: map-features picks its limits profile by it (services/map-features/appsettings.json:
    /// "erass4-mhongoose", the profile the CGM models are trained under).
    /// </summary>
    public string Survey { get; init; } = "erass4-mhongoose";

    /// <summary>Observation redshift: the training maps' (SurveyLimits.Erass4Mhongoose.ObservationRedshift).</summary>
    public double Redshift { get; init; } = 0.01;

    /// <summary>Threads of the map generator.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws on a value that would make no demo.</summary>
    public DemoMapsOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Objects);
        ArgumentOutOfRangeException.ThrowIfNegative(Malformed);
        if (!(LoneXrayFraction is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(LoneXrayFraction), LoneXrayFraction, "Must lie in [0, 1].");
        if (!(Redshift is > 0 and <= 3)) throw new ArgumentOutOfRangeException(nameof(Redshift), Redshift, "Must lie in (0, 3].");
        ArgumentException.ThrowIfNullOrWhiteSpace(Survey);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Parallelism);
        return this;
    }
}
