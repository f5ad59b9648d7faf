namespace StreamProcessor.Maps;

/// <summary>
/// Paints compact components (inclined HI discs, Gaussian X-ray clumps) as pixel averages: each pixel of a window
/// around the blob is supersampled, and the window is renormalised to the blob's analytic total, so a disc smaller
/// than a pixel or seen edge-on keeps its mass. The window may overhang the map; only on-map pixels are written,
/// so a blob at the edge contributes its on-map share.
/// </summary>
internal static class BlobPainter
{
    /// <summary>Intrinsic thickness of HI discs, c/a (model choice; thin gas discs are ~0.1–0.2).</summary>
    public const double DiscThickness = 0.2;

    /// <summary>Cap on sub-samples per pixel side; the renormalisation keeps the mass exact beyond it, only the shape is coarser.</summary>
    private const int MaxSupersampling = 4;

    /// <summary>
    /// Adds an HI disc with spin axis n (map frame) centred at (u0, v0) kpc, seen along the geometry's axis.
    /// Seen at inclination i, it is an ellipse of axis ratio q = √(cos² i + q0² sin² i) (Hubble 1926 for an
    /// oblate spheroid of thickness q0) with Σ_proj(R_e) = Σ(R_e)/q, R_e the elliptical radius along the major axis.
    /// </summary>
    public static void AddDisc(float[] map, MapSettings settings, HiDisc disc, (double X, double Y, double Z) normal,
        ProjectionGeometry geometry, double u0, double v0, double scale)
    {
        double nk = Component(normal, geometry.Axis), nu = Component(normal, geometry.AxisU), nv = Component(normal, geometry.AxisV);
        double cosI = Math.Min(1, Math.Abs(nk));
        double q = Math.Sqrt((cosI * cosI) + (DiscThickness * DiscThickness * (1 - (cosI * cosI))));
        double nPerp = Math.Sqrt((nu * nu) + (nv * nv));
        // Minor axis along the projected spin axis; face-on, any direction will do.
        double minorU = nPerp > 1e-12 ? nu / nPerp : 1, minorV = nPerp > 1e-12 ? nv / nPerp : 0;
        double inverseQ = 1 / q;
        double smallestScale = disc.ScaleLengthKpc * q;
        Paint(map, settings, u0, v0, disc.ExtentKpc, smallestScale, disc.MassMsun * scale, (du, dv) =>
        {
            double minor = (du * minorU) + (dv * minorV);
            double major = (-du * minorV) + (dv * minorU);
            double minorScaled = minor * inverseQ;
            double re = Math.Sqrt((major * major) + (minorScaled * minorScaled));
            return disc.SurfaceDensityMsunPerKpc2(re) * inverseQ;
        });
    }

    /// <summary>Adds a circular Gaussian of total <paramref name="total"/> and width σ (kpc) at (u0, v0).</summary>
    public static void AddGaussian(float[] map, MapSettings settings, double u0, double v0, double sigmaKpc, double total)
    {
        double inverseTwoSigma2 = 1 / (2 * sigmaKpc * sigmaKpc);
        Paint(map, settings, u0, v0, 5 * sigmaKpc, sigmaKpc, total, (du, dv) => Math.Exp(-((du * du) + (dv * dv)) * inverseTwoSigma2));
    }

    private static double Component((double X, double Y, double Z) vector, int axis) =>
        axis switch { 0 => vector.X, 1 => vector.Y, _ => vector.Z };

    /// <summary>
    /// Supersampled pixel averages of <paramref name="profile"/> over a window of half-width <paramref name="extentKpc"/>,
    /// scaled so the window sums to <paramref name="total"/> (per pixel area), then added to the on-map pixels.
    /// </summary>
    private static void Paint(float[] map, MapSettings settings, double u0, double v0, double extentKpc, double smallestScaleKpc,
        double total, Func<double, double, double> profile)
    {
        int n = settings.Pixels;
        double pixel = settings.PixelSizeKpc;
        double half = 0.5 * n * pixel;
        // Pixel (col, row) covers u ∈ [−half + col·pixel, −half + (col+1)·pixel); skip blobs that cannot reach the map.
        int colMin = (int)Math.Floor((u0 - extentKpc + half) / pixel), colMax = (int)Math.Floor((u0 + extentKpc + half) / pixel);
        int rowMin = (int)Math.Floor((v0 - extentKpc + half) / pixel), rowMax = (int)Math.Floor((v0 + extentKpc + half) / pixel);
        if (colMax < 0 || rowMax < 0 || colMin >= n || rowMin >= n || total <= 0) return;

        int sub = Math.Clamp((int)Math.Ceiling(pixel / Math.Max(smallestScaleKpc, 1e-6)), 1, MaxSupersampling);
        int width = colMax - colMin + 1, height = rowMax - rowMin + 1;
        var window = new double[width * height];
        double sum = 0, step = pixel / sub;
        for (int r = 0; r < height; r++)
        {
            double vLow = -half + ((rowMin + r) * pixel) - v0;
            for (int c = 0; c < width; c++)
            {
                double uLow = -half + ((colMin + c) * pixel) - u0;
                double acc = 0;
                for (int a = 0; a < sub; a++)
                {
                    double dv = vLow + ((a + 0.5) * step);
                    for (int b = 0; b < sub; b++) acc += profile(uLow + ((b + 0.5) * step), dv);
                }
                window[(r * width) + c] = acc;
                sum += acc;
            }
        }
        if (sum <= 0) return;
        double norm = total / (sum * settings.PixelAreaKpc2);
        for (int r = 0; r < height; r++)
        {
            int row = rowMin + r;
            if (row < 0 || row >= n) continue;
            for (int c = 0; c < width; c++)
            {
                int col = colMin + c;
                if (col < 0 || col >= n) continue;
                map[(row * n) + col] += (float)(window[(r * width) + c] * norm);
            }
        }
    }
}
