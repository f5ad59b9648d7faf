namespace StreamProcessor.Contracts;

/// <summary>Topic names (../ARCHITECTURE: topic → service → topic). Every input topic T has T.dlq.</summary>
public static class Topics
{
    public const string Catalogues = "catalogues";
    public const string Maps = "maps";
    public const string Profiles = "profiles";
    public const string PhaseSpaceFeatures = "features.phase-space";
    /// <summary>Sky maps of one object joined into model channels (schema "map-features").</summary>
    public const string MapFeatures = "features.maps";
    public const string MassPosteriors = "posteriors.mass";
    /// <summary>Circumgalactic-medium posteriors (schema "posterior", like <see cref="MassPosteriors"/>).</summary>
    public const string CgmPosteriors = "posteriors.cgm";
    /// <summary>Generic parameter posteriors (schema "posterior").</summary>
    public const string ParameterPosteriors = "posteriors.params";
    public const string MassFunction = "massfunction";

    /// <summary>The dead-letter topic of <paramref name="topic"/>.</summary>
    public static string DeadLetter(string topic) => topic + ".dlq";
}
