using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Dynamics.Tests.Halos;

public sealed class NfwMemberSamplerTests
{
    private static readonly NfwHalo Halo = NfwHalo.Create(5e14, 0.1, 4.5, FlatLcdm.Planck18);

    [Theory]
    [InlineData(0.1, 0.2)]
    [InlineData(0.4, 0.5)]
    [InlineData(0.8, 0.95)]
    public void Velocity_dispersion_of_members_in_a_shell_matches_the_jeans_sigma_r(double innerInR200c, double outerInR200c)
    {
        PhaseSpacePoint[] members = NfwMemberSampler.Sample(Halo, 60_000, 1.0, rejectAboveEscapeSpeed: false, new SeededRandom(11));
        var shell = members
            .Where(p => p.RadiusMpcOverH >= innerInR200c * Halo.R200cMpcOverH && p.RadiusMpcOverH < outerInR200c * Halo.R200cMpcOverH)
            .ToArray();
        // Each Cartesian component has variance σ_r(r)²; in a shell, the expected mean square is ⟨σ_r²⟩ over its members.
        double expected = shell.Average(p => Math.Pow(Halo.RadialVelocityDispersionKmPerS(p.RadiusMpcOverH), 2));
        double measured = shell.Average(p => ((p.VxKmPerS * p.VxKmPerS) + (p.VyKmPerS * p.VyKmPerS) + (p.VzKmPerS * p.VzKmPerS)) / 3);
        // 3n Gaussian squares: relative standard error of the mean square sqrt(2/(3n)); allow 5 of them.
        Assert.Equal(1.0, measured / expected, 5 * Math.Sqrt(2.0 / (3 * shell.Length)));
    }

    [Fact]
    public void Escape_speed_rejection_keeps_every_member_bound()
    {
        PhaseSpacePoint[] members = NfwMemberSampler.Sample(Halo, 5_000, 1.0, rejectAboveEscapeSpeed: true, new SeededRandom(5));
        Assert.All(members, p =>
        {
            double speed = Math.Sqrt((p.VxKmPerS * p.VxKmPerS) + (p.VyKmPerS * p.VyKmPerS) + (p.VzKmPerS * p.VzKmPerS));
            Assert.True(speed < Halo.EscapeSpeedKmPerS(p.RadiusMpcOverH));
        });
    }

    [Fact]
    public void Members_stay_inside_the_truncation_radius_and_directions_are_isotropic()
    {
        PhaseSpacePoint[] members = NfwMemberSampler.Sample(Halo, 20_000, 1.5, rejectAboveEscapeSpeed: true, new SeededRandom(9));
        Assert.All(members, p => Assert.True(p.RadiusMpcOverH <= 1.5 * Halo.R200cMpcOverH));
        // For isotropic unit vectors ⟨n_z⟩ = 0 and ⟨n_z²⟩ = 1/3, with standard errors sqrt(1/3N) and sqrt(4/45N).
        double meanZ = members.Average(p => p.ZMpcOverH / p.RadiusMpcOverH);
        double meanZ2 = members.Average(p => Math.Pow(p.ZMpcOverH / p.RadiusMpcOverH, 2));
        Assert.Equal(0, meanZ, 4 * Math.Sqrt(1.0 / (3 * members.Length)));
        Assert.Equal(1.0 / 3, meanZ2, 4 * Math.Sqrt(4.0 / (45 * members.Length)));
    }
}
