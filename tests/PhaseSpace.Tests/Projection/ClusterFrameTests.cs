using StreamProcessor.Cosmology;
using StreamProcessor.PhaseSpace.Projection;

namespace StreamProcessor.PhaseSpace.Tests.Projection;

public sealed class ClusterFrameTests
{
    private const double OneArcminRad = Math.PI / 180.0 / 60.0;

    [Theory]
    [InlineData(150.0, 0.0)]
    [InlineData(150.0, 30.0)]
    [InlineData(10.0, -65.0)]
    public void A_galaxy_one_arcmin_north_is_at_D_A_times_one_arcmin_due_north(double raDeg, double decDeg)
    {
        var frame = new ClusterFrame(raDeg, decDeg, 0.1, FlatLcdm.Planck18);
        double expected = Background.AngularDiameterDistanceMpcOverH(0.1, FlatLcdm.Planck18) * OneArcminRad;

        var galaxy = frame.Project(raDeg, decDeg + (1.0 / 60.0), 0.1);

        Assert.Equal(expected, galaxy.ProjectedRadiusMpcOverH, 1e-9 * expected);
        Assert.Equal(expected, galaxy.YMpcOverH, 1e-9 * expected);
        Assert.Equal(0.0, galaxy.XMpcOverH, 1e-12);
    }

    [Fact]
    public void A_galaxy_at_larger_right_ascension_lies_east_with_the_cos_dec_foreshortened_offset()
    {
        var frame = new ClusterFrame(200.0, 60.0, 0.2, FlatLcdm.Planck18);

        var galaxy = frame.Project(200.0 + (2.0 / 60.0), 60.0, 0.2);

        // Two arcmin of RA at Dec 60 is ~1 arcmin on the sky; the great circle bends north by ~theta^2 tan(dec) / 2.
        double expected = frame.AngularDiameterDistanceMpcOverH * OneArcminRad;
        Assert.Equal(expected, galaxy.XMpcOverH, 1e-6 * expected);
        Assert.True(galaxy.YMpcOverH > 0 && galaxy.YMpcOverH < 1e-3 * expected);
    }

    [Fact]
    public void Offsets_east_and_north_recombine_to_the_projected_radius()
    {
        var frame = new ClusterFrame(35.0, -20.0, 0.3, FlatLcdm.Planck18);
        var rng = new Random(4);
        for (int i = 0; i < 50; i++)
        {
            var galaxy = frame.Project(35.0 + (0.3 * (rng.NextDouble() - 0.5)), -20.0 + (0.3 * (rng.NextDouble() - 0.5)), 0.3);
            double radius = Math.Sqrt((galaxy.XMpcOverH * galaxy.XMpcOverH) + (galaxy.YMpcOverH * galaxy.YMpcOverH));

            Assert.Equal(galaxy.ProjectedRadiusMpcOverH, radius, 1e-12 * galaxy.ProjectedRadiusMpcOverH);
        }
    }

    [Fact]
    public void Line_of_sight_velocity_is_c_times_the_redshift_offset_over_one_plus_z()
    {
        var frame = new ClusterFrame(0.0, 0.0, 0.1, FlatLcdm.Planck18);

        var galaxy = frame.Project(0.0, 0.0, 0.105);

        Assert.Equal(299792.458 * 0.005 / 1.1, galaxy.LineOfSightVelocityKmPerS, 1e-9);
        Assert.Equal(-299792.458 * 0.002 / 1.1, ClusterFrame.LineOfSightVelocityKmPerS(0.098, 0.1), 1e-9);
    }

    [Fact]
    public void Span_projection_matches_one_by_one_projection()
    {
        var frame = new ClusterFrame(120.0, 10.0, 0.05, FlatLcdm.Planck18);
        double[] ra = [120.01, 119.98, 120.0];
        double[] dec = [10.02, 9.99, 10.0];
        double[] z = [0.051, 0.049, 0.05];
        var x = new double[3];
        var y = new double[3];
        var r = new double[3];
        var v = new double[3];

        frame.Project(ra, dec, z, x, y, r, v);

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(frame.Project(ra[i], dec[i], z[i]), new ProjectedGalaxy(x[i], y[i], r[i], v[i]));
        }
    }
}
