using StreamProcessor.Cosmology;

namespace StreamProcessor.PhaseSpace.Projection;

/// <summary>
/// Cluster-centric coordinates for the phase-space images (reference sheet §4). Built once per cluster: it holds the
/// angular-diameter distance D_A(z_cl), the only expensive quantity (a quadrature).
/// </summary>
/// <remarks>
/// <para>R_proj = D_A(z_cl) theta, with theta the great-circle separation (<see cref="SkyGeometry.AngularSeparationRad"/>)
/// and D_A in h^-1 Mpc (Hogg 1999, arXiv:astro-ph/9905116, Eq. 18): the proper transverse separation at the cluster.</para>
/// <para>x, y use the zenithal equidistant (ARC) projection about the cluster centre (Calabretta &amp; Greisen 2002,
/// arXiv:astro-ph/0207413, Sect. 5.1.4): x = R_proj sin(PA) points east (increasing RA), y = R_proj cos(PA) points
/// north, PA the position angle east of north. Unlike the gnomonic projection (radius D_A tan theta), x^2 + y^2 equals
/// R_proj^2 exactly, so the 2D and 3D images agree on radii.</para>
/// <para>v_los = c (z_gal - z_cl) / (1 + z_cl): the peculiar velocity in the cluster rest frame (Danese, De Zotti &amp;
/// di Tullio 1980, A&amp;A 82, 322; Harrison 1974, ApJ 191, L51).</para>
/// </remarks>
public sealed class ClusterFrame
{
    public ClusterFrame(double rightAscensionDeg, double declinationDeg, double redshift, FlatLcdm cosmology)
    {
        if (!double.IsFinite(rightAscensionDeg)) throw new ArgumentOutOfRangeException(nameof(rightAscensionDeg), rightAscensionDeg, "RA must be finite.");
        if (!(declinationDeg is >= -90 and <= 90)) throw new ArgumentOutOfRangeException(nameof(declinationDeg), declinationDeg, "Dec must lie in [-90, 90] deg.");
        if (!(redshift is > 0 and < 20)) throw new ArgumentOutOfRangeException(nameof(redshift), redshift, "Cluster redshift must lie in (0, 20).");
        RightAscensionDeg = rightAscensionDeg;
        DeclinationDeg = declinationDeg;
        Redshift = redshift;
        AngularDiameterDistanceMpcOverH = Background.AngularDiameterDistanceMpcOverH(redshift, cosmology);
    }

    public double RightAscensionDeg { get; }

    public double DeclinationDeg { get; }

    public double Redshift { get; }

    /// <summary>D_A(z_cl) in h^-1 Mpc.</summary>
    public double AngularDiameterDistanceMpcOverH { get; }

    /// <summary>v_los = c (z_gal - z_cl) / (1 + z_cl) in km/s (rest-frame peculiar velocity).</summary>
    public static double LineOfSightVelocityKmPerS(double galaxyRedshift, double clusterRedshift) =>
        PhysicalConstants.SpeedOfLightKmPerS * (galaxyRedshift - clusterRedshift) / (1.0 + clusterRedshift);

    /// <summary>Cluster-centric coordinates of one galaxy.</summary>
    public ProjectedGalaxy Project(double rightAscensionDeg, double declinationDeg, double redshift)
    {
        double theta = SkyGeometry.AngularSeparationRad(RightAscensionDeg, DeclinationDeg, rightAscensionDeg, declinationDeg);
        double positionAngle = SkyGeometry.PositionAngleRad(RightAscensionDeg, DeclinationDeg, rightAscensionDeg, declinationDeg);
        double radius = AngularDiameterDistanceMpcOverH * theta;
        var (sinPa, cosPa) = Math.SinCos(positionAngle);
        return new ProjectedGalaxy(radius * sinPa, radius * cosPa, radius, LineOfSightVelocityKmPerS(redshift, Redshift));
    }

    /// <summary>Cluster-centric coordinates of many galaxies into caller-provided spans (all of one length); allocates nothing.</summary>
    public void Project(
        ReadOnlySpan<double> rightAscensionDeg, ReadOnlySpan<double> declinationDeg, ReadOnlySpan<double> redshift,
        Span<double> xMpcOverH, Span<double> yMpcOverH, Span<double> projectedRadiusMpcOverH, Span<double> lineOfSightVelocityKmPerS)
    {
        int count = rightAscensionDeg.Length;
        if (declinationDeg.Length != count || redshift.Length != count || xMpcOverH.Length != count
            || yMpcOverH.Length != count || projectedRadiusMpcOverH.Length != count || lineOfSightVelocityKmPerS.Length != count)
        {
            throw new ArgumentException("All spans must have the length of rightAscensionDeg.");
        }

        for (int i = 0; i < count; i++)
        {
            var galaxy = Project(rightAscensionDeg[i], declinationDeg[i], redshift[i]);
            xMpcOverH[i] = galaxy.XMpcOverH;
            yMpcOverH[i] = galaxy.YMpcOverH;
            projectedRadiusMpcOverH[i] = galaxy.ProjectedRadiusMpcOverH;
            lineOfSightVelocityKmPerS[i] = galaxy.LineOfSightVelocityKmPerS;
        }
    }
}
