using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.Cosmology.Tests;

public sealed class SigmaTableTests
{
    [Theory]
    [InlineData(1e8)]
    [InlineData(3.3e12)]
    [InlineData(1e14)]
    [InlineData(7.7e15)]
    public void Table_matches_direct_quadrature_between_its_nodes(double mass)
    {
        FlatLcdm c = FlatLcdm.Planck18;
        var spectrum = new LinearPowerSpectrum(c);
        double radius = MassVariance.LagrangianRadiusMpcOverH(mass, c);
        SigmaTable table = SigmaTable.For(c);

        Assert.Equal(spectrum.SigmaOfRadius(radius) / c.Sigma8, table.SigmaOverSigma8(mass), 1e-6 * table.SigmaOverSigma8(mass));
        Assert.Equal(spectrum.DlnSigmaDlnRadius(radius) / 3, table.DlnSigmaDlnM(mass), 1e-5);
    }

    [Fact]
    public void Sigma_of_the_mass_in_an_8_Mpc_sphere_equals_sigma8()
    {
        var c = FlatLcdm.Planck18 with { OmegaM = 0.27, Sigma8 = 0.77 };
        double mass = MassVariance.LagrangianMassMsunOverH(8.0, c);
        Assert.Equal(0.77, MassVariance.Sigma(mass, 0.0, c), 1e-6);
    }

    [Fact]
    public void One_table_serves_every_sigma8_and_sigma_scales_linearly_with_it()
    {
        var a = FlatLcdm.Planck18 with { OmegaM = 0.283 };
        var b = a with { Sigma8 = 0.65 };
        Assert.Same(SigmaTable.For(a), SigmaTable.For(b));
        Assert.Equal(0.65 / a.Sigma8, MassVariance.Sigma(2e14, 0.5, b) / MassVariance.Sigma(2e14, 0.5, a), 12);
        Assert.Equal(1.0, SigmaTable.For(a).Shape.Sigma8);
    }

    [Fact]
    public void The_transfer_choice_is_part_of_the_cache_key()
    {
        FlatLcdm full = FlatLcdm.Planck18;
        FlatLcdm noWiggle = full with { Transfer = TransferFunctionChoice.EisensteinHu1998NoWiggle };
        Assert.NotSame(SigmaTable.For(full), SigmaTable.For(noWiggle));
        Assert.Same(SigmaTable.For(noWiggle), SigmaTable.For(noWiggle with { Sigma8 = 0.7 }));
        Assert.NotEqual(SigmaTable.For(full).SigmaOverSigma8(1e14), SigmaTable.For(noWiggle).SigmaOverSigma8(1e14));
    }

    [Fact]
    public void Concurrent_requests_for_a_new_shape_share_one_table()
    {
        var c = FlatLcdm.Planck18 with { OmegaM = 0.2919, Ns = 0.955 };
        var tables = new SigmaTable[8];
        Parallel.For(0, tables.Length, i => tables[i] = SigmaTable.For(c with { Sigma8 = 0.7 + (0.01 * i) }));
        Assert.All(tables, t => Assert.Same(tables[0], t));
    }

    [Fact]
    public void Dln_sigma_dln_M_matches_a_finite_difference_of_sigma()
    {
        FlatLcdm c = FlatLcdm.Planck18;
        SigmaTable table = SigmaTable.For(c);
        foreach (double mass in new[] { 1e13, 1e14, 1e15 })
        {
            const double step = 0.01;
            double numeric = (Math.Log(table.SigmaOverSigma8(mass * Math.Exp(step))) - Math.Log(table.SigmaOverSigma8(mass * Math.Exp(-step)))) / (2 * step);
            Assert.Equal(numeric, table.DlnSigmaDlnM(mass), 1e-4);
            Assert.True(table.DlnSigmaDlnM(mass) < 0);
        }
    }

    [Fact]
    public void Table_refuses_masses_outside_its_range()
    {
        SigmaTable table = SigmaTable.For(FlatLcdm.Planck18);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.SigmaOverSigma8(1e5));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.DlnSigmaDlnM(1e18));
    }
}
