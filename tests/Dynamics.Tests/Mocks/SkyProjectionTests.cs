using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics.Mocks;

namespace StreamProcessor.Dynamics.Tests.Mocks;

public sealed class SkyProjectionTests
{
    private static readonly double[] X = [0.0, 0.5, -1.2, 0.01, 1.1, -0.3];
    private static readonly double[] Y = [0.0, 0.0, 0.7, -1.5, 1.1, -0.2];
    private static readonly double[] V = [0.0, 850.0, -1999.0, 12.5, 300.0, -640.0];

    [Theory]
    [InlineData(150.0, 2.2, 0.08)]
    [InlineData(359.99, -45.0, 0.15)]
    [InlineData(10.0, 88.5, 0.03)]
    public void Sky_positions_invert_the_observers_projection_and_redshift_transform(double ra, double dec, double z)
    {
        FlatLcdm cosmology = FlatLcdm.Planck18;
        SkyGalaxies sky = SkyProjection.ToSky(X, Y, V, ra, dec, z, cosmology);
        double angularDiameterDistance = Background.AngularDiameterDistanceMpcOverH(z, cosmology);

        for (int i = 0; i < X.Length; i++)
        {
            // Forward transform, written independently with the haversine formula.
            double separation = Haversine(ra, dec, sky.RaDeg[i], sky.DecDeg[i]);
            double rProj = Math.Sqrt((X[i] * X[i]) + (Y[i] * Y[i]));
            Assert.Equal(rProj, separation * angularDiameterDistance, 1e-9);
            double vLos = PhysicalConstants.SpeedOfLightKmPerS * (sky.Redshift[i] - z) / (1 + z);
            Assert.Equal(V[i], vLos, 1e-8);
            Assert.InRange(sky.RaDeg[i], 0, 360);
        }
    }

    [Fact]
    public void Positive_x_is_east_and_positive_y_is_north()
    {
        SkyGalaxies sky = SkyProjection.ToSky([0.5, 0.0], [0.0, 0.5], [0.0, 0.0], 100, 20, 0.1, FlatLcdm.Planck18);
        Assert.True(sky.RaDeg[0] > 100);
        Assert.Equal(20, sky.DecDeg[0], 1e-3);
        Assert.True(sky.DecDeg[1] > 20);
        Assert.Equal(100, sky.RaDeg[1], 1e-9);
    }

    [Fact]
    public void Angular_separation_agrees_with_the_haversine_formula()
    {
        Assert.Equal(Haversine(10, 20, 10.3, 19.8), SkyProjection.AngularSeparationRad(10, 20, 10.3, 19.8), 1e-14);
        Assert.Equal(Math.PI, SkyProjection.AngularSeparationRad(0, 0, 180, 0), 1e-14);
    }

    private static double Haversine(double ra1, double dec1, double ra2, double dec2)
    {
        double d2r = Math.PI / 180;
        double sinDdec = Math.Sin((dec2 - dec1) * d2r / 2);
        double sinDra = Math.Sin((ra2 - ra1) * d2r / 2);
        double a = (sinDdec * sinDdec) + (Math.Cos(dec1 * d2r) * Math.Cos(dec2 * d2r) * sinDra * sinDra);
        return 2 * Math.Asin(Math.Sqrt(a));
    }
}
