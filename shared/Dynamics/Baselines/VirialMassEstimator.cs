using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// Projected virial mass of Heisler, Tremaine &amp; Bahcall (1985), ApJ 298, 8, their virial estimator (reference sheet §3):
/// M_V = (3π / 2G) σ_los² N² / Σ_{i&lt;j} 1/R_ij, with R_ij the projected separations. For an equal-mass,
/// isotropic, virialised system ⟨1/r⟩ = (2/π) ⟨1/R⟩ and 3σ_los² = ⟨v²⟩ turn the virial theorem into this form.
/// Positions in physical h⁻¹ Mpc and σ in km/s give M in h⁻¹ M☉. O(N²): intended for N ≤ a few hundred.
/// </summary>
public static class VirialMassEstimator
{
    /// <summary>M_V in h⁻¹ M☉ from projected positions and line-of-sight velocities; throws on coincident positions.</summary>
    public static double MassMsunOverH(
        ReadOnlySpan<double> xMpcOverH,
        ReadOnlySpan<double> yMpcOverH,
        ReadOnlySpan<double> vLosKmPerS,
        DispersionEstimator estimator = DispersionEstimator.SampleStandardDeviation)
    {
        int n = vLosKmPerS.Length;
        if (xMpcOverH.Length != n || yMpcOverH.Length != n) throw new ArgumentException("Position and velocity arrays differ in length.");
        if (n < 2) throw new ArgumentException("The virial estimator needs at least two galaxies.", nameof(vLosKmPerS));

        double inverseSeparationSum = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dx = xMpcOverH[i] - xMpcOverH[j];
                double dy = yMpcOverH[i] - yMpcOverH[j];
                double separation = Math.Sqrt((dx * dx) + (dy * dy));
                if (separation == 0) throw new ArgumentException($"Galaxies {i} and {j} coincide in projection.", nameof(xMpcOverH));
                inverseSeparationSum += 1 / separation;
            }
        }
        double sigma = VelocityDispersion.Estimate(vLosKmPerS, estimator);
        return 3 * Math.PI / (2 * PhysicalConstants.GravitationalConstantMpcKm2PerS2PerMsun) * sigma * sigma * n * (double)n / inverseSeparationSum;
    }

    /// <summary>M_V of all listed galaxies of a simulated cluster (interlopers included, as an observer would).</summary>
    public static double MassMsunOverH(ProjectedCluster cluster, DispersionEstimator estimator = DispersionEstimator.SampleStandardDeviation)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return MassMsunOverH(cluster.XMpcOverH, cluster.YMpcOverH, cluster.VLosKmPerS, estimator);
    }
}
