using StreamProcessor.Abundance.Selection;
using StreamProcessor.Cosmology;

namespace StreamProcessor.Abundance.Tests;

/// <summary>Survey configurations shared by the tests.</summary>
internal static class TestSurveys
{
    /// <summary>Three redshift bins over 0.03–0.15, 20 mass bins of 0.1 dex from 10^13.5, a logistic selection (50 % at 10^13.6 at z = 0).</summary>
    public static SurveyConfiguration LowRedshift(string name, double skyAreaDeg2, FlatLcdm baseCosmology) => new()
    {
        Name = name,
        SkyAreaDeg2 = skyAreaDeg2,
        RedshiftEdges = [0.03, 0.07, 0.11, 0.15],
        Log10MassEdges = [.. Enumerable.Range(0, 21).Select(i => 13.5 + (0.1 * i))],
        Completeness = new LogisticCompleteness(13.6, 1.0, 0.05),
        BaseCosmology = baseCosmology,
    };

    /// <summary>A tiny survey for hand computations: 100 deg², two z bins, two 0.5 dex mass bins, complete, 5 × 5 grid.</summary>
    public static SurveyConfiguration Tiny(string name = "tiny") => new()
    {
        Name = name,
        SkyAreaDeg2 = 100,
        RedshiftEdges = [0.05, 0.10, 0.20],
        Log10MassEdges = [14.0, 14.5, 15.0],
        Completeness = new LogisticCompleteness(12.0, 0.0, 0.05),
        OmegaMCount = 5,
        Sigma8Count = 5,
    };

    public static DateTimeOffset Epoch { get; } = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
}
