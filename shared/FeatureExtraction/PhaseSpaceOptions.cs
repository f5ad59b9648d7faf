namespace StreamProcessor.FeatureExtraction;

/// <summary>Configuration section "PhaseSpace" of the phase-space service.</summary>
public sealed record PhaseSpaceOptions
{
    public const string Section = "PhaseSpace";

    /// <summary>Limits per survey name; surveys not listed use <see cref="DefaultProfile"/>.</summary>
    public Dictionary<string, SurveyLimitsProfile> Profiles { get; init; } = [];

    public SurveyLimitsProfile DefaultProfile { get; init; } = new();

    /// <summary>Also compute the (x, y, v_los) 50³ image (about 25× the work of the 2D one).</summary>
    public bool Compute3D { get; init; }
}
