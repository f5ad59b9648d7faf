namespace StreamProcessor.Maps.Tests;

public sealed class HiDiscTests
{
    [Theory]
    [InlineData(1e7)]
    [InlineData(1e9)]
    [InlineData(3e10)]
    public void The_face_on_1_msun_per_pc2_isophote_lies_at_half_the_size_mass_diameter(double massMsun)
    {
        var disc = HiDisc.Create(massMsun);
        // Wang et al. 2016: log D_HI = 0.506 log M_HI − 3.293 at Σ_HI = 1 M☉ pc⁻² = 1.248e20 cm⁻² (reference sheet §5).
        double diameter = Math.Pow(10, (0.506 * Math.Log10(massMsun)) - 3.293);
        Assert.Equal(diameter, disc.DiameterKpc, 1e-9 * diameter);
        Assert.Equal(1.248e20, disc.ColumnDensityCm2(diameter / 2), 0.001e20);
        Assert.True(disc.ColumnDensityCm2(0.45 * diameter) > 1.248e20);
        Assert.True(disc.ColumnDensityCm2(0.55 * diameter) < 1.248e20);
        Assert.Equal(1.0, disc.ProfileMassMsun() / massMsun, 6);
    }

    [Fact]
    public void One_msun_per_pc2_is_1_248e20_hydrogen_atoms_per_cm2()
    {
        Assert.Equal(1.248e20, GasConstants.HiColumnCm2PerMsunPerPc2, 0.001e20);
    }

    [Fact]
    public void The_size_scatter_keeps_a_solution_at_three_sigma()
    {
        foreach (double offset in new[] { -0.18, 0.18 })
        {
            var disc = HiDisc.Create(1e9, offset);
            Assert.Equal(1.0, disc.ProfileMassMsun() / 1e9, 6);
            Assert.Equal(1.248e20, disc.ColumnDensityCm2(disc.DiameterKpc / 2), 0.001e20);
        }
    }
}
