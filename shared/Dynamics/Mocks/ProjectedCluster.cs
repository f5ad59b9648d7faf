namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// One halo seen along one line of sight: the galaxies a survey would list in the cylinder around it.
/// Arrays are parallel (one entry per galaxy; members first, then interlopers). Projected offsets are physical
/// h⁻¹ Mpc on the sky plane (X, Y along the two axes perpendicular to the line of sight); v_los is relative to the
/// cluster, km/s, including the measurement error; Magnitude is the apparent ^{0.1}r magnitude.
/// </summary>
public sealed record ProjectedCluster
{
    public required int HaloId { get; init; }

    /// <summary>0..LinesOfSight−1; sign-flipped copies are numbered LinesOfSight + k (see <see cref="VelocitySignFlipped"/>).</summary>
    public required int LineOfSight { get; init; }

    public required bool VelocitySignFlipped { get; init; }

    /// <summary>True log10(M200c / h⁻¹ M☉): the training target.</summary>
    public required double Log10M200c { get; init; }

    /// <summary>Cosmological redshift of the cluster.</summary>
    public required double Redshift { get; init; }

    public required double Concentration { get; init; }

    public required double R200cMpcOverH { get; init; }

    public required double[] RProjMpcOverH { get; init; }

    public required double[] XMpcOverH { get; init; }

    public required double[] YMpcOverH { get; init; }

    public required double[] VLosKmPerS { get; init; }

    public required double[] Magnitude { get; init; }

    public required bool[] IsInterloper { get; init; }

    public int GalaxyCount => VLosKmPerS.Length;

    public int InterloperCount => IsInterloper.Count(b => b);
}
