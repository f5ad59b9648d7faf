namespace StreamProcessor.PhaseSpace.Kde;

/// <summary>
/// Reference (slow, obviously correct) Gaussian-KDE images: a direct loop over grid x grid (x grid) x points with one
/// exponential per term, in the original units, exactly as scipy <c>gaussian_kde(dataset, bw_method=bw)</c>
/// evaluates its pdf: kernel covariance K = bw^2 np.cov(dataset) (ddof = 1) and
/// density(X) = (1/N) sum_i exp(-1/2 (X - x_i)^T K^-1 (X - x_i)) / sqrt(det(2 pi K)); the image is then divided by its
/// sum. This is the correctness oracle for <see cref="Kde2D"/> and <see cref="Kde3D"/> and the baseline of
/// <c>bench kde</c>; do not use it on the hot path (2304 N exponentials per 2D image, 125000 N per 3D cube).
/// </summary>
/// <remarks>Rejects the same samples, with the same <see cref="DegenerateSampleException"/>, as the fast path.</remarks>
public static class KdeReference
{
    /// <summary>2D image, layout and units as in <see cref="Kde2D.Compute"/>.</summary>
    public static void Image2D(ReadOnlySpan<double> velocitiesKmPerS, ReadOnlySpan<double> radiiMpcOverH, KdeGrid2D grid, Span<double> image)
    {
        grid.Validated();
        int count = velocitiesKmPerS.Length;
        SampleStatistics.RequireSameLength(count, radiiMpcOverH.Length, nameof(radiiMpcOverH));
        SampleStatistics.RequireSameLength(grid.ImageLength, image.Length, nameof(image));
        SampleStatistics.RequireEnoughPoints(count, 2, nameof(velocitiesKmPerS));
        var (meanV, stdV) = SampleStatistics.MeanAndStdDev(velocitiesKmPerS, nameof(velocitiesKmPerS));
        var (meanR, stdR) = SampleStatistics.MeanAndStdDev(radiiMpcOverH, nameof(radiiMpcOverH));
        double covVR = SampleStatistics.Covariance(velocitiesKmPerS, meanV, radiiMpcOverH, meanR);
        double rho = SampleStatistics.Correlation(covVR, stdV, stdR);
        SampleStatistics.RequireNonSingular(1.0 - (rho * rho), nameof(velocitiesKmPerS));

        double bw2 = grid.Bandwidth * grid.Bandwidth;
        double kVV = bw2 * stdV * stdV, kVR = bw2 * covVR, kRR = bw2 * stdR * stdR;
        double det = (kVV * kRR) - (kVR * kVR);
        double iVV = kRR / det, iVR = -kVR / det, iRR = kVV / det;
        double norm = 1.0 / (count * Math.Sqrt(2.0 * Math.PI * 2.0 * Math.PI * det));

        for (int a = 0; a < grid.VelocityBins; a++)
        {
            double gv = grid.VelocityBinCentreKmPerS(a);
            for (int b = 0; b < grid.RadiusBins; b++)
            {
                double gr = grid.RadiusBinCentreMpcOverH(b);
                double sum = 0;
                for (int i = 0; i < count; i++)
                {
                    double dv = gv - velocitiesKmPerS[i];
                    double dr = gr - radiiMpcOverH[i];
                    sum += Math.Exp(-0.5 * ((iVV * dv * dv) + (2.0 * iVR * dv * dr) + (iRR * dr * dr)));
                }

                image[grid.Index(a, b)] = norm * sum;
            }
        }

        Normalise(image, nameof(velocitiesKmPerS));
    }

    /// <summary>3D cube, layout and units as in <see cref="Kde3D.Compute"/>.</summary>
    public static void Image3D(
        ReadOnlySpan<double> xMpcOverH, ReadOnlySpan<double> yMpcOverH, ReadOnlySpan<double> velocitiesKmPerS,
        KdeGrid3D grid, Span<double> image)
    {
        grid.Validated();
        int count = xMpcOverH.Length;
        SampleStatistics.RequireSameLength(count, yMpcOverH.Length, nameof(yMpcOverH));
        SampleStatistics.RequireSameLength(count, velocitiesKmPerS.Length, nameof(velocitiesKmPerS));
        SampleStatistics.RequireSameLength(grid.ImageLength, image.Length, nameof(image));
        SampleStatistics.RequireEnoughPoints(count, 3, nameof(xMpcOverH));
        var (meanX, stdX) = SampleStatistics.MeanAndStdDev(xMpcOverH, nameof(xMpcOverH));
        var (meanY, stdY) = SampleStatistics.MeanAndStdDev(yMpcOverH, nameof(yMpcOverH));
        var (meanV, stdV) = SampleStatistics.MeanAndStdDev(velocitiesKmPerS, nameof(velocitiesKmPerS));
        double covXY = SampleStatistics.Covariance(xMpcOverH, meanX, yMpcOverH, meanY);
        double covXV = SampleStatistics.Covariance(xMpcOverH, meanX, velocitiesKmPerS, meanV);
        double covYV = SampleStatistics.Covariance(yMpcOverH, meanY, velocitiesKmPerS, meanV);
        Kde3D.RequireNonSingularCorrelation(
            SampleStatistics.Correlation(covXY, stdX, stdY),
            SampleStatistics.Correlation(covXV, stdX, stdV),
            SampleStatistics.Correlation(covYV, stdY, stdV));

        // K = bw^2 cov; K^-1 by cofactors (K symmetric), det by expansion along the first row.
        double bw2 = grid.Bandwidth * grid.Bandwidth;
        double k00 = bw2 * stdX * stdX, k11 = bw2 * stdY * stdY, k22 = bw2 * stdV * stdV;
        double k01 = bw2 * covXY, k02 = bw2 * covXV, k12 = bw2 * covYV;
        double c00 = (k11 * k22) - (k12 * k12);
        double c01 = (k02 * k12) - (k01 * k22);
        double c02 = (k01 * k12) - (k02 * k11);
        double c11 = (k00 * k22) - (k02 * k02);
        double c12 = (k01 * k02) - (k00 * k12);
        double c22 = (k00 * k11) - (k01 * k01);
        double det = (k00 * c00) + (k01 * c01) + (k02 * c02);
        double i00 = c00 / det, i01 = c01 / det, i02 = c02 / det, i11 = c11 / det, i12 = c12 / det, i22 = c22 / det;
        double norm = 1.0 / (count * Math.Sqrt(Math.Pow(2.0 * Math.PI, 3) * det));

        for (int a = 0; a < grid.PositionBins; a++)
        {
            double gx = grid.PositionBinCentreMpcOverH(a);
            for (int b = 0; b < grid.PositionBins; b++)
            {
                double gy = grid.PositionBinCentreMpcOverH(b);
                for (int c = 0; c < grid.VelocityBins; c++)
                {
                    double gv = grid.VelocityBinCentreKmPerS(c);
                    double sum = 0;
                    for (int i = 0; i < count; i++)
                    {
                        double dx = gx - xMpcOverH[i];
                        double dy = gy - yMpcOverH[i];
                        double dv = gv - velocitiesKmPerS[i];
                        double quadratic = (i00 * dx * dx) + (i11 * dy * dy) + (i22 * dv * dv)
                            + (2.0 * ((i01 * dx * dy) + (i02 * dx * dv) + (i12 * dy * dv)));
                        sum += Math.Exp(-0.5 * quadratic);
                    }

                    image[grid.Index(a, b, c)] = norm * sum;
                }
            }
        }

        Normalise(image, nameof(xMpcOverH));
    }

    private static void Normalise(Span<double> image, string paramName)
    {
        double total = SampleStatistics.RequirePositiveTotal(image, paramName);
        for (int i = 0; i < image.Length; i++) image[i] /= total;
    }
}
