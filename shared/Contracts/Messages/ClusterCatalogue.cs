namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// One detected cluster with its member galaxies: one message of topic <c>catalogues</c>, schema
/// schemas/catalogue. Key: <see cref="ClusterId"/>.
/// </summary>
public sealed record ClusterCatalogue
{
    /// <summary>Stable cluster id; a later message with the same id replaces the earlier one.</summary>
    public required string ClusterId { get; init; }

    /// <summary>Survey name.</summary>
    public required string Survey { get; init; }

    /// <summary>Right ascension of the cluster centre, degrees in [0, 360).</summary>
    public required double RaDeg { get; init; }

    /// <summary>Declination of the cluster centre, degrees in [-90, 90].</summary>
    public required double DecDeg { get; init; }

    /// <summary>Cluster redshift, in [0, 10].</summary>
    public required double Redshift { get; init; }

    /// <summary>When the cluster was detected (UTC, stored to the millisecond).</summary>
    public required DateTimeOffset DetectionTime { get; init; }

    /// <summary>log10(M200c / h^-1 Msun) of the true halo; mocks only (so the demo can plot predicted vs true).</summary>
    public double? TrueLog10M200c { get; init; }

    /// <summary>Member galaxies (at least one).</summary>
    public required IReadOnlyList<ClusterMember> Members { get; init; }
}
