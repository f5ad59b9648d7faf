namespace StreamProcessor.PhaseSpace.Features;

/// <summary>
/// What the network and the baselines need from one catalogue after the observational limits: the KDE images
/// (normalised to sum 1, float32, row-major as their grids document), the kept members and summary statistics.
/// A rejected catalogue has no images and says why (<see cref="RejectionReason"/>).
/// </summary>
public sealed record PhaseSpaceFeatures
{
    public required bool Accepted { get; init; }
    public string? RejectionReason { get; init; }
    public required IReadOnlyList<string> LimitsApplied { get; init; }
    public required int MembersKept { get; init; }

    /// <summary>Sample standard deviation (N − 1) of the kept members' v_los; NaN when fewer than 2.</summary>
    public required double SigmaLosKmPerS { get; init; }

    public float[]? Kde2D { get; init; }
    public float[]? Kde3D { get; init; }
    public required double[] VLosKmPerS { get; init; }
    public required double[] RProjMpcOverH { get; init; }
    public required double[] XMpcOverH { get; init; }
    public required double[] YMpcOverH { get; init; }
}
