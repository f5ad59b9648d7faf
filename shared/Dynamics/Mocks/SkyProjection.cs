using StreamProcessor.Cosmology;

namespace StreamProcessor.Dynamics.Mocks;

/// <summary>
/// Places a simulated cluster on the sky at (ra, dec, z), the exact inverse of the observer's transform
/// R_proj = θ × D_A(z_cl) (θ the great-circle separation from the centre, D_A in physical h⁻¹ Mpc; Hogg 1999,
/// arXiv:astro-ph/9905116, Eq. 18) and v_los = c (z_gal − z_cl)/(1 + z_cl) (Harrison 1974; Danese, De Zotti &amp;
/// di Tullio 1980, A&amp;A 82, 322). Sky axes: +X points east (increasing ra), +Y north; the position angle
/// east of north is atan2(X, Y).
/// </summary>
public static class SkyProjection
{
    /// <summary>Sky coordinates of every listed galaxy of <paramref name="cluster"/> centred at (ra, dec) in degrees, at the cluster's redshift.</summary>
    public static SkyGalaxies ToSky(ProjectedCluster cluster, double raDeg, double decDeg, FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return ToSky(cluster.XMpcOverH, cluster.YMpcOverH, cluster.VLosKmPerS, raDeg, decDeg, cluster.Redshift, cosmology);
    }

    /// <summary>As above from parallel arrays of projected offsets (physical h⁻¹ Mpc) and v_los (km/s).</summary>
    public static SkyGalaxies ToSky(
        ReadOnlySpan<double> xMpcOverH,
        ReadOnlySpan<double> yMpcOverH,
        ReadOnlySpan<double> vLosKmPerS,
        double raDeg,
        double decDeg,
        double clusterRedshift,
        FlatLcdm cosmology)
    {
        int n = xMpcOverH.Length;
        if (yMpcOverH.Length != n || vLosKmPerS.Length != n) throw new ArgumentException("Offset and velocity arrays differ in length.");
        if (!(decDeg is >= -90 and <= 90)) throw new ArgumentOutOfRangeException(nameof(decDeg), decDeg, "dec must lie in [−90, 90] degrees.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterRedshift);

        double angularDiameterDistance = Background.AngularDiameterDistanceMpcOverH(clusterRedshift, cosmology);
        double ra0 = raDeg * Math.PI / 180;
        double dec0 = decDeg * Math.PI / 180;
        double sinDec0 = Math.Sin(dec0);
        double cosDec0 = Math.Cos(dec0);

        var ra = new double[n];
        var dec = new double[n];
        var redshift = new double[n];
        for (int i = 0; i < n; i++)
        {
            double separation = Math.Sqrt((xMpcOverH[i] * xMpcOverH[i]) + (yMpcOverH[i] * yMpcOverH[i])) / angularDiameterDistance;
            double positionAngle = Math.Atan2(xMpcOverH[i], yMpcOverH[i]);
            // Destination point at great-circle distance θ and bearing PA (spherical law of cosines).
            double sinDec = (sinDec0 * Math.Cos(separation)) + (cosDec0 * Math.Sin(separation) * Math.Cos(positionAngle));
            double decI = Math.Asin(Math.Clamp(sinDec, -1, 1));
            double deltaRa = Math.Atan2(
                Math.Sin(positionAngle) * Math.Sin(separation) * cosDec0,
                Math.Cos(separation) - (sinDec0 * sinDec));
            double raI = (ra0 + deltaRa) * 180 / Math.PI;
            ra[i] = ((raI % 360) + 360) % 360;
            dec[i] = decI * 180 / Math.PI;
            redshift[i] = clusterRedshift + (vLosKmPerS[i] * (1 + clusterRedshift) / PhysicalConstants.SpeedOfLightKmPerS);
        }
        return new SkyGalaxies(ra, dec, redshift);
    }

    /// <summary>Great-circle separation in radians between two sky positions in degrees (Vincenty's form, stable at all angles).</summary>
    public static double AngularSeparationRad(double ra1Deg, double dec1Deg, double ra2Deg, double dec2Deg)
    {
        double ra1 = ra1Deg * Math.PI / 180;
        double dec1 = dec1Deg * Math.PI / 180;
        double ra2 = ra2Deg * Math.PI / 180;
        double dec2 = dec2Deg * Math.PI / 180;
        double deltaRa = ra2 - ra1;
        double num1 = Math.Cos(dec2) * Math.Sin(deltaRa);
        double num2 = (Math.Cos(dec1) * Math.Sin(dec2)) - (Math.Sin(dec1) * Math.Cos(dec2) * Math.Cos(deltaRa));
        double den = (Math.Sin(dec1) * Math.Sin(dec2)) + (Math.Cos(dec1) * Math.Cos(dec2) * Math.Cos(deltaRa));
        return Math.Atan2(Math.Sqrt((num1 * num1) + (num2 * num2)), den);
    }
}
