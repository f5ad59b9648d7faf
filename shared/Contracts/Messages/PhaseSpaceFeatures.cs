namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// The phase-space features of one cluster: one message of topic <c>features.phase-space</c>, schema
/// schemas/phase-space-features. KDE images are arrow.fixed_shape_tensor columns (row-major float32).
/// A rejected cluster carries <see cref="RejectionReason"/> and no KDE.
/// </summary>
public sealed record PhaseSpaceFeatures
{
    public required string ClusterId { get; init; }

    public required string Survey { get; init; }

    public required double Redshift { get; init; }

    public required DateTimeOffset DetectionTime { get; init; }

    public required RecordStatus Status { get; init; }

    /// <summary>Why the cluster was rejected; required when <see cref="Status"/> is rejected, null otherwise.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>Members left after the observational limits.</summary>
    public required int MembersKept { get; init; }

    /// <summary>Line-of-sight velocity dispersion of the kept members, km/s; null when fewer than two remain.</summary>
    public double? SigmaLosKmPerS { get; init; }

    /// <summary>The observational limits that selected the members.</summary>
    public required PhaseSpaceLimits Limits { get; init; }

    /// <summary>2D KDE of (R_proj, v_los), <see cref="PhaseSpaceFeaturesShapes.Kde2D"/> row-major; null when rejected.</summary>
    public IReadOnlyList<float>? Kde2D { get; init; }

    /// <summary>3D KDE of (x, y, v_los), <see cref="PhaseSpaceFeaturesShapes.Kde3D"/> row-major; null when not computed.</summary>
    public IReadOnlyList<float>? Kde3D { get; init; }

    /// <summary>Kept members, for the baseline estimators: line-of-sight velocity, km/s.</summary>
    public IReadOnlyList<double>? MemberVLosKmPerS { get; init; }

    /// <summary>Kept members: projected radius, h^-1 Mpc.</summary>
    public IReadOnlyList<double>? MemberRProjMpcOverH { get; init; }

    /// <summary>Kept members: projected x offset, h^-1 Mpc.</summary>
    public IReadOnlyList<double>? MemberXMpcOverH { get; init; }

    /// <summary>Kept members: projected y offset, h^-1 Mpc.</summary>
    public IReadOnlyList<double>? MemberYMpcOverH { get; init; }

    /// <summary>log10(M200c / h^-1 Msun) of the true halo (mocks only).</summary>
    public double? TrueLog10M200c { get; init; }

    public required MessageProvenance Provenance { get; init; }

    /// <summary>Time spent computing the features, ms.</summary>
    public required double FeaturesMs { get; init; }

    /// <summary>When the features were computed (UTC).</summary>
    public required DateTimeOffset ComputedUtc { get; init; }

    /// <summary>Version of the code that computed them.</summary>
    public required string CodeVersion { get; init; }
}
