namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// One cluster as distribution regression sees it: the kept galaxies' projected radii (physical h⁻¹ Mpc) and
/// line-of-sight velocities (km/s, relative to the cluster), its redshift, and its true log10(M200c / h⁻¹ M☉) when it
/// is a training sample (NaN otherwise). The members are an unordered sample from the cluster's phase-space
/// distribution (Ntampaka et al. 2015, ApJ 803, 50, §2).
/// </summary>
public sealed record MemberSample(double[] RProjMpcOverH, double[] VLosKmPerS, double Redshift, double Log10M200c = double.NaN);
