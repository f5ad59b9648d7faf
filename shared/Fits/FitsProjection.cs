namespace StreamProcessor.Fits;

/// <summary>The sky projections <see cref="FitsWcs"/> evaluates (Calabretta &amp; Greisen 2002, A&amp;A 395, 1077: "Paper II").</summary>
public enum FitsProjection
{
    /// <summary>No projection code (blank CTYPE, or "RA"/"DEC"/"LINEAR"): world = CRVAL + CD·(p − CRPIX) (Greisen &amp; Calabretta 2002, Paper I, §2).</summary>
    Linear,

    /// <summary>RA---TAN / DEC--TAN, the gnomonic projection (Paper II §5.1.3).</summary>
    Gnomonic,
}
