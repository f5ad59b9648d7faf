namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// The survey the demo and the science check use when configuration names none: 5000 deg² over 0.03 &lt; z &lt; 0.15
/// (three bins), log10 M 13.5–15.5 in 0.1 dex bins, a logistic selection with 50 % completeness at 10^13.6 h^-1 Msun
/// at z = 0 rising 1 dex per unit redshift, width 0.05 dex (so 90 % complete from 10^13.9 at every z: the fit limit).
/// The same footprint and selection as the Abundance benchmark, where the grid and errors were calibrated.
/// </summary>
public static class DemoSurvey
{
    /// <summary>The demo survey's name.</summary>
    public const string Name = "demo";

    /// <summary>The demo survey's options.</summary>
    public static SurveyOptions Options() => new()
    {
        Name = Name,
        SkyAreaDeg2 = 5000,
        RedshiftEdges = [0.03, 0.07, 0.11, 0.15],
        Log10MassEdges = [.. Enumerable.Range(0, 21).Select(i => Math.Round(13.5 + (0.1 * i), 10))],
        Completeness = new CompletenessOptions
        {
            Kind = CompletenessOptions.Logistic,
            Log10MassHalfAtZeroRedshift = 13.6,
            Log10MassHalfSlopePerRedshift = 1.0,
            WidthDex = 0.05,
        },
    };
}
