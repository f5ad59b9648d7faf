using StreamProcessor.PhaseSpace.Projection;

namespace StreamProcessor.PhaseSpace.Tests.Projection;

public sealed class SkyGeometryTests
{
    [Fact]
    public void One_milliarcsecond_separation_keeps_full_relative_precision()
    {
        double milliArcsecDeg = 1.0 / 3600.0 / 1000.0;

        double theta = SkyGeometry.AngularSeparationRad(45.0, 0.0, 45.0, milliArcsecDeg);

        Assert.Equal(milliArcsecDeg * Math.PI / 180.0, theta, 1e-12 * theta);
    }

    [Fact]
    public void Antipodal_points_are_pi_apart()
    {
        Assert.Equal(Math.PI, SkyGeometry.AngularSeparationRad(10.0, 20.0, 190.0, -20.0), 1e-12);
    }

    [Fact]
    public void Separation_agrees_with_the_spherical_law_of_cosines_at_large_angles()
    {
        double d2r = Math.PI / 180.0;
        double expected = Math.Acos((Math.Sin(10 * d2r) * Math.Sin(50 * d2r)) + (Math.Cos(10 * d2r) * Math.Cos(50 * d2r) * Math.Cos(70 * d2r)));

        Assert.Equal(expected, SkyGeometry.AngularSeparationRad(30.0, 10.0, 100.0, 50.0), 1e-12);
    }

    [Fact]
    public void Position_angle_is_zero_north_and_a_quarter_turn_east()
    {
        Assert.Equal(0.0, SkyGeometry.PositionAngleRad(80.0, 5.0, 80.0, 6.0), 1e-12);
        Assert.Equal(Math.PI / 2, SkyGeometry.PositionAngleRad(80.0, 0.0, 81.0, 0.0), 1e-12);
    }
}
