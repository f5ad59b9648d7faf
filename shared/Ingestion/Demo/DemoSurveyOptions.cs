using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>
/// Settings of <see cref="DemoSurvey"/>: how many catalogues, the seed, the sky patch (degrees) and the night over
/// which detections are spread. Clusters are placed uniformly on the sphere inside the patch.
/// </summary>
public sealed record DemoSurveyOptions
{
    /// <summary>Catalogues to generate (haloes that fail the simulator's richness cut are skipped, not counted).</summary>
    public int Clusters { get; init; } = 3000;

    public ulong Seed { get; init; } = 1;

    public string Survey { get; init; } = "demo";

    public double RaMinDeg { get; init; } = 150;

    public double RaMaxDeg { get; init; } = 210;

    public double DecMinDeg { get; init; }

    public double DecMaxDeg { get; init; } = 40;

    /// <summary>Start of the observing night (UTC); detection times are uniform in [start, start + length).</summary>
    public DateTimeOffset NightStartUtc { get; init; } = new(2026, 3, 20, 20, 0, 0, TimeSpan.Zero);

    public TimeSpan NightLength { get; init; } = TimeSpan.FromHours(10);

    /// <summary>
    /// The simulator's settings; <see cref="DemoSurvey"/> forces one axis-aligned line of sight per halo and no sign
    /// flips, so every catalogue is a distinct halo.
    /// </summary>
    public MockCatalogueOptions Mock { get; init; } = new();

    /// <summary>
    /// The candidate threshold of the demo commands (`pipeline`, `ingest demo`): poor candidates of 5–10 observed
    /// galaxies, about a fifth of the survey, reach the stream and are rejected there.
    /// </summary>
    public const int DemoCandidateMinimumGalaxies = 5;

    /// <summary>
    /// These options with every candidate of at least <paramref name="galaxies"/> observed galaxies (members and
    /// interlopers in the simulator's cylinder) published. Below the survey profiles' richness cut (11, Ho+2019's
    /// N &gt; 10) the phase-space service rejects a candidate with its reason, as a survey's follow-up leaves poor
    /// groups with too few redshifts: the demo then shows that path too.
    /// </summary>
    public DemoSurveyOptions WithMinimumCandidateGalaxies(int galaxies) =>
        this with { Mock = Mock with { Selection = Mock.Selection with { MinimumGalaxyCount = galaxies } } };

    /// <summary>Throws when a setting is outside its meaningful range; returns this for chaining.</summary>
    public DemoSurveyOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Clusters);
        ArgumentException.ThrowIfNullOrWhiteSpace(Survey);
        if (!(RaMinDeg >= 0 && RaMinDeg < RaMaxDeg && RaMaxDeg <= 360))
        {
            throw new ArgumentOutOfRangeException(nameof(RaMinDeg), RaMinDeg, "Need 0 ≤ ra_min < ra_max ≤ 360 degrees.");
        }

        if (!(DecMinDeg >= -90 && DecMinDeg < DecMaxDeg && DecMaxDeg <= 90))
        {
            throw new ArgumentOutOfRangeException(nameof(DecMinDeg), DecMinDeg, "Need −90 ≤ dec_min < dec_max ≤ 90 degrees.");
        }

        if (NightLength <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(NightLength), NightLength, "The night must have a positive length.");
        Mock.Validated();
        return this;
    }
}
