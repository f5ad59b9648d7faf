namespace StreamProcessor.Cosmology.Tests;

public sealed class BackgroundTests
{
    [Fact]
    public void Comoving_distance_at_z_1_matches_a_Simpson_integration()
    {
        FlatLcdm c = FlatLcdm.Planck18;
        int n = 2000;
        double h = 1.0 / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double z = i * h;
            double f = 1.0 / Math.Sqrt((c.OmegaM * Math.Pow(1 + z, 3)) + 1 - c.OmegaM);
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }

        double expected = 299792.458 / 100.0 * sum * h / 3;
        Assert.Equal(expected, Background.ComovingDistanceMpcOverH(1.0, c), expected * 1e-10);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Volume_element_matches_a_numerical_derivative_of_the_comoving_volume(double redshift)
    {
        // Per steradian, V(z) = D_C³/3 in a flat universe, so dV/dz dΩ = d(D_C³/3)/dz.
        FlatLcdm c = FlatLcdm.Planck18;
        double Volume(double z) => Math.Pow(Background.ComovingDistanceMpcOverH(z, c), 3) / 3;
        const double step = 1e-4;
        double numeric = (Volume(redshift + step) - Volume(redshift - step)) / (2 * step);
        double analytic = Background.ComovingVolumeElementMpc3OverH3PerSr(redshift, c);
        Assert.Equal(numeric, analytic, analytic * 1e-7);
    }
}
