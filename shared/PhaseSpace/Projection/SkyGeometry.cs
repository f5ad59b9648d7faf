namespace StreamProcessor.PhaseSpace.Projection;

/// <summary>Angles on the celestial sphere; inputs in degrees (ICRS-like RA/Dec), outputs in radians.</summary>
public static class SkyGeometry
{
    private const double RadiansPerDegree = Math.PI / 180.0;

    /// <summary>
    /// Great-circle separation in radians by the Vincenty (1975, Survey Review 23, 88) formula for a sphere, the one
    /// astropy's <c>angular_separation</c> uses: an atan2 of the chord's perpendicular and parallel parts, accurate
    /// for tiny separations (where the law of cosines loses all digits) and for antipodal points (where haversine does).
    /// </summary>
    public static double AngularSeparationRad(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg)
    {
        double deltaRa = (ra2Deg - ra1Deg) * RadiansPerDegree;
        double dec1 = dec1Deg * RadiansPerDegree;
        double dec2 = dec2Deg * RadiansPerDegree;
        var (sinDelta, cosDelta) = Math.SinCos(deltaRa);
        var (sin1, cos1) = Math.SinCos(dec1);
        var (sin2, cos2) = Math.SinCos(dec2);
        double east = cos2 * sinDelta;
        double north = (cos1 * sin2) - (sin1 * cos2 * cosDelta);
        double along = (sin1 * sin2) + (cos1 * cos2 * cosDelta);
        return Math.Atan2(Math.Sqrt((east * east) + (north * north)), along);
    }

    /// <summary>
    /// Position angle of point 2 seen from point 1, in radians east of north (0 = north, pi/2 = east), as astropy's
    /// <c>position_angle</c>: atan2(cos d2 sin(a2 - a1), cos d1 sin d2 - sin d1 cos d2 cos(a2 - a1)).
    /// </summary>
    public static double PositionAngleRad(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg)
    {
        double deltaRa = (ra2Deg - ra1Deg) * RadiansPerDegree;
        var (sinDelta, cosDelta) = Math.SinCos(deltaRa);
        var (sin1, cos1) = Math.SinCos(dec1Deg * RadiansPerDegree);
        var (sin2, cos2) = Math.SinCos(dec2Deg * RadiansPerDegree);
        return Math.Atan2(cos2 * sinDelta, (cos1 * sin2) - (sin1 * cos2 * cosDelta));
    }
}
