using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.FeatureExtraction;

/// <summary>
/// The observational limits of one survey (configuration "PhaseSpace:Profiles:&lt;survey&gt;"): cylinder aperture and
/// |v_los| cut (Ho+2019: 1.6 h⁻¹ Mpc, 2200 km/s), an optional apparent-magnitude limit, and the minimum richness.
/// </summary>
public sealed record SurveyLimitsProfile
{
    [Range(0.1, 10)] public double ApertureRadiusMpcOverH { get; init; } = 1.6;
    [Range(100, 10000)] public double VelocityCutKmPerS { get; init; } = 2200;
    public double? MagnitudeLimit { get; init; }
    [Range(3, 100000)] public int MinimumMembers { get; init; } = 11;
}
