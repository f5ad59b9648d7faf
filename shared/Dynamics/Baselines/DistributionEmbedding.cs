namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// The regressors of the distribution-regression baseline for one cluster: the kernel mean embedding of its members
/// in (R_proj / <see cref="RadiusScaleMpcOverH"/>, |v_los| / <see cref="VelocityScaleKmPerS"/>) (Szabó et al. 2016,
/// JMLR 17(152), "Learning theory for distribution regression", the two-stage sampled setting; the kernel form of the
/// support distribution machine of Ntampaka et al. 2015, ApJ 803, 50 and 2016, ApJ 831, 135), followed by z and z².
/// <para>
/// The scales are fixed constants, the cylinder of the reference sheet §4 (1.6 h⁻¹ Mpc, 2200 km/s), never fitted
/// statistics of a sample: a cluster's coordinates then mean the same in training and in the service. |v_los| is
/// used because the velocity distribution about the cluster is symmetric (Ho+2019 flip v_los to augment).
/// The redshift terms let the prediction shift with z: at fixed mass σ grows as E(z)^{1/3} (Evrard et al. 2008,
/// ApJ 672, 122, eq. 2), so log10 M at fixed member distribution moves by −log10 E(z), a smooth function that z and
/// z² follow to 0.003 dex over 0 &lt; z &lt; 1.1 (Planck 2018 Ω_m); they also absorb the drift of the interloper fraction
/// with the survey's flux limit. Additive terms keep the kernel part a pure function of the member distribution.
/// </para>
/// </summary>
/// <param name="Features">The random Fourier features of the Gaussian kernel.</param>
/// <param name="Bandwidth">γ, in the scaled (dimensionless) coordinates.</param>
/// <param name="RadiusScaleMpcOverH">R_proj is divided by this (the 1.6 h⁻¹ Mpc aperture).</param>
/// <param name="VelocityScaleKmPerS">|v_los| is divided by this (the 2200 km/s cut).</param>
public sealed record DistributionEmbedding(RandomFourierFeatures Features, double Bandwidth, double RadiusScaleMpcOverH, double VelocityScaleKmPerS)
{
    /// <summary>Fewest members from which an embedding is formed; below it the mean embedding is mostly noise.</summary>
    public const int MinimumMembers = 3;

    public const double DefaultRadiusScaleMpcOverH = 1.6;
    public const double DefaultVelocityScaleKmPerS = 2200;

    /// <summary>z and z².</summary>
    public const int RedshiftTerms = 2;

    /// <summary>Regressors per cluster: D embedding features, then the redshift terms.</summary>
    public int Length => Features.Count + RedshiftTerms;

    /// <summary>
    /// Writes the regressors of one cluster to <paramref name="row"/> (length <see cref="Length"/>); false, with the row
    /// untouched, when it has fewer than <see cref="MinimumMembers"/> members or any radius, velocity or the redshift is
    /// not finite (or a radius or the redshift is negative).
    /// </summary>
    public bool TryWrite(ReadOnlySpan<double> rProjMpcOverH, ReadOnlySpan<double> vLosKmPerS, double redshift, Span<double> row)
    {
        if (rProjMpcOverH.Length != vLosKmPerS.Length) throw new ArgumentException("Radii and velocities differ in length.", nameof(vLosKmPerS));
        if (row.Length != Length) throw new ArgumentException($"The row has {row.Length} slots for {Length} regressors.", nameof(row));
        int n = rProjMpcOverH.Length;
        if (n < MinimumMembers || !double.IsFinite(redshift) || redshift < 0) return false;
        Span<double> u = n <= 512 ? stackalloc double[n] : new double[n];
        Span<double> w = n <= 512 ? stackalloc double[n] : new double[n];
        for (int i = 0; i < n; i++)
        {
            double r = rProjMpcOverH[i];
            double v = vLosKmPerS[i];
            if (!double.IsFinite(r) || r < 0 || !double.IsFinite(v)) return false;
            u[i] = r / RadiusScaleMpcOverH;
            w[i] = Math.Abs(v) / VelocityScaleKmPerS;
        }
        Features.MeanEmbedding(u, w, Bandwidth, row[..Features.Count]);
        row[Features.Count] = redshift;
        row[Features.Count + 1] = redshift * redshift;
        return true;
    }
}
