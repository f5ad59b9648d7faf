namespace StreamProcessor.Maps;

/// <summary>
/// Renders the two fields of one projection of a halo, pixel centres at (col + ½ − N/2, row + ½ − N/2) × pixel
/// in the (u, v) axes of <see cref="ProjectionGeometry"/>; maps are row-major, index = row × N + col, row ↔ v.
/// <list type="number">
/// <item>X-ray: Σ_L (erg s⁻¹ pc⁻², 0.5–2 keV; see <see cref="GasConstants.PerKpc2ToPerPc2"/>) = ∫ n_e n_H Λ_soft dl from the tabulated hot-gas projection,
/// plus each satellite's Gaussian corona.</item>
/// <item>HI: N_HI (cm⁻²) of the cool CGM (tabulated projection), the central disc and the satellite discs.</item>
/// </list>
/// The line of sight runs over ±R200, which contains all the model gas and every satellite.
/// </summary>
public static class MapRenderer
{
    /// <summary>Both fields along map-frame axis 0, 1 or 2.</summary>
    public static (float[] Xray, float[] Hi) Render(HaloRealisation halo, MapSettings settings, int axis)
    {
        ArgumentNullException.ThrowIfNull(halo);
        ArgumentNullException.ThrowIfNull(settings);
        var geometry = halo.Projection(axis);
        int n = settings.Pixels;
        double pixel = settings.PixelSizeKpc;
        var xray = new float[n * n];
        var hi = new float[n * n];
        var xrayTable = halo.XrayTable;
        var hiTable = halo.CoolHiTable;
        double rMax2 = xrayTable.TruncationRadiusSquared;
        double xrayScale = geometry.InverseSqrtAkk * GasConstants.PerKpc2ToPerPc2;
        double hiScale = geometry.InverseSqrtAkk * GasConstants.HiColumnCm2PerMsunPerKpc2;

        for (int row = 0; row < n; row++)
        {
            double v = (row + 0.5 - (0.5 * n)) * pixel;
            double cross = 2 * geometry.Quv * v;
            double vTerm = geometry.Qvv * v * v;
            for (int col = 0; col < n; col++)
            {
                double u = (col + 0.5 - (0.5 * n)) * pixel;
                double m2 = (((geometry.Quu * u) + cross) * u) + vTerm;
                if (m2 >= rMax2) continue;
                xrayTable.Locate(m2, out int i, out double w);
                xray[(row * n) + col] = (float)(xrayScale * xrayTable.ValueAt(i, w));
                hi[(row * n) + col] = (float)(hiScale * hiTable.ValueAt(i, w));
            }
        }

        BlobPainter.AddDisc(hi, settings, halo.CentralDisc, halo.CentralDiscNormal, geometry, 0, 0, GasConstants.HiColumnCm2PerMsunPerKpc2);
        if (settings.IncludeSatellites)
        {
            foreach (var s in halo.Satellites)
            {
                double u0 = Coordinate(s, geometry.AxisU), v0 = Coordinate(s, geometry.AxisV);
                BlobPainter.AddDisc(hi, settings, s.Disc, (s.NormalX, s.NormalY, s.NormalZ), geometry, u0, v0, GasConstants.HiColumnCm2PerMsunPerKpc2);
                BlobPainter.AddGaussian(xray, settings, u0, v0, s.ClumpSigmaKpc, s.XrayLuminosityErgPerS * GasConstants.PerKpc2ToPerPc2);
            }
        }
        return (xray, hi);
    }

    private static double Coordinate(Satellite s, int axis) => axis switch { 0 => s.XKpc, 1 => s.YKpc, _ => s.ZKpc };
}
