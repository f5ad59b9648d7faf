namespace StreamProcessor.Trainer.Data;

/// <summary>
/// One (halo, line of sight, catalogue) of a mock dataset: the 2D KDE image made by the shared
/// PhaseSpaceFeatureExtractor and the labels and summaries the trainer and the baselines need.
/// Masses are log10(M200c / h⁻¹ M☉); <see cref="Log10MVirial"/> is the Heisler et al. (1985) virial baseline on the
/// kept galaxies (NaN where it is undefined).
/// </summary>
public sealed record DatasetSample
{
    public required int HaloId { get; init; }
    public required int LineOfSight { get; init; }
    public required bool VelocitySignFlipped { get; init; }
    public required bool Contaminated { get; init; }

    /// <summary>Galaxies kept by the observational limits (members plus, in contaminated catalogues, interlopers).</summary>
    public required int Richness { get; init; }

    public required int InterloperCount { get; init; }
    public required double Log10M200c { get; init; }
    public required double Redshift { get; init; }
    public required double SigmaLosKmPerS { get; init; }
    public required double Log10MVirial { get; init; }

    /// <summary>Row-major [velocity bin, radius bin] image, sum 1.</summary>
    public required float[] Image { get; init; }

    /// <summary>
    /// Projected radii (physical h⁻¹ Mpc) of the kept galaxies, parallel to <see cref="MemberVLosKmPerS"/>: the sample the
    /// distribution-regression baseline embeds. Empty in datasets of format version 1, which did not store members.
    /// </summary>
    public double[] MemberRProjMpcOverH { get; init; } = [];

    /// <summary>Line-of-sight velocities (km/s) of the kept galaxies; empty in format version 1.</summary>
    public double[] MemberVLosKmPerS { get; init; } = [];
}
